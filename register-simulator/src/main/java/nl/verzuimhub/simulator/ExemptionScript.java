package nl.verzuimhub.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.simulator.SimulatorCalendar.Days;

/**
 * Plans an exemption for a pupil of compulsory school age (5 to 17).
 *
 * <p>Contracts: the article fits the age on its start date (5a, 5b, 5c from 5; 3a from 14 to 16; 3b from 15; 15
 * from 16). Articles are dealt from a shuffled deck shared by the whole region (per 20 cards: 8 of 5a, 3 each of 5b
 * and 5c, 2 each of 3a, 3b and 15), so 5a is the most common and every article occurs once a region has a few dozen
 * exemptions; 5a always carries medical grounds. Many start on 1 August for the whole school year; the last school
 * is usually recorded (less often for 5b and 5c). Lifecycle: NIEUW (ACTIEF) on a working day; about 20% later end
 * early (GEWIJZIGD, BEEINDIGD, end date set), a few open-ended ones get an end date (GEWIJZIGD, still ACTIEF), and
 * about 3% are withdrawn (INGETROKKEN). Stateful (the deck): one instance per region.
 */
final class ExemptionScript {
    private static final ExemptionArticle[] ARTICLES = {
        ExemptionArticle.ART_5A, ExemptionArticle.ART_5B, ExemptionArticle.ART_5C,
        ExemptionArticle.ART_3A, ExemptionArticle.ART_3B, ExemptionArticle.ART_15};

    /** Cards per article in one deck, in {@link #ARTICLES} order: 5a 8, 5b 3, 5c 3, 3a 2, 3b 2, 15 2. */
    private static final int[] CARDS_PER_DECK = {8, 3, 3, 2, 2, 2};

    private final Days working = SimulatorCalendar.INSTANCE.workingDays();
    private final List<ExemptionArticle> deck = new ArrayList<>();
    private final SplittableRandom deckRandom;

    /** @param deckRandom the region's stream for shuffling the deck of articles */
    ExemptionScript(SplittableRandom deckRandom) {
        this.deckRandom = deckRandom;
    }

    /**
     * The chance that a pupil of {@code age} on the reference date is exempted this year: none outside compulsory
     * school age (5 to 17), higher from 14, where the replacement and qualification duties add their articles.
     */
    static double chance(int age) {
        if (age < 5 || age > 17) {
            return 0;
        }
        return age < 14 ? 0.008 : 0.02;
    }

    RecordHistory plan(PupilProfile profile, SplittableRandom rng) {
        return planWith(profile, rng, null, null);
    }

    /**
     * A calibrated exemption: of {@code article}, which must fit the pupil's age on
     * {@link SimulatorCalendar#REFERENCE_DATE} (the start moves to that date when the drawn one does not fit), and
     * withdrawn exactly when {@code withdrawn}.
     */
    RecordHistory plan(PupilProfile profile, SplittableRandom rng, ExemptionArticle article, boolean withdrawn) {
        return planWith(profile, rng, Objects.requireNonNull(article, "article"), withdrawn);
    }

    /** With a null {@code forced} article one is dealt from the deck; a null {@code withdrawn} is left to chance. */
    private RecordHistory planWith(PupilProfile profile, SplittableRandom rng, ExemptionArticle forced,
                                   Boolean withdrawn) {
        LocalDate start = Draw.chance(rng, 0.4) ? SimulatorCalendar.FIRST_DAY
                : working.random(rng, LocalDate.of(2024, 8, 15), LocalDate.of(2025, 5, 30));
        if (profile.ageOn(start) > 17) {
            start = SimulatorCalendar.FIRST_DAY;
        }
        if (profile.ageOn(start) < 5) {
            start = profile.birthDate().plusYears(5);
        }
        if (forced != null && !fits(forced, profile.ageOn(start))) {
            start = SimulatorCalendar.REFERENCE_DATE;
        }
        boolean fromYearStart = start.equals(SimulatorCalendar.FIRST_DAY);
        int age = profile.ageOn(start);
        ExemptionArticle article = forced != null ? forced : article(age);
        LocalDate end = end(rng, profile, article);
        LocalDate filed = fromYearStart ? working.random(rng, SimulatorCalendar.FIRST_DAY, LocalDate.of(2024, 9, 13))
                : working.random(rng, maxDate(SimulatorCalendar.FIRST_DAY, start.minusDays(14)), start);
        boolean withLastEnrolment = Draw.chance(rng, switch (article) {
            case ART_5B -> 0.5;
            case ART_5C -> 0.7;
            default -> 0.9;
        });
        boolean previouslyExempt = Draw.chance(rng, article == ExemptionArticle.ART_5A ? 0.5 : 0.15);
        String grounds = article == ExemptionArticle.ART_5A || Draw.chance(rng, 0.8)
                ? SyntheticTexts.grounds(rng, article) : null;

        List<ExemptionHistory.Version> versions = new ArrayList<>();
        Period period = new Period(start, end);
        versions.add(new ExemptionHistory.Version(step(rng, filed, MutationAction.NIEUW), period,
                ExemptionStatus.ACTIEF));
        if (withdrawn != null ? withdrawn.booleanValue() : Draw.chance(rng, 0.03)) {
            versions.add(new ExemptionHistory.Version(step(rng, working.plus(filed, Draw.between(rng, 1, 15)),
                    MutationAction.INGETROKKEN), period, ExemptionStatus.INGETROKKEN));
        } else if (Draw.chance(rng, 0.2)) {
            LocalDate ended = working.plus(maxDate(filed, start), Draw.between(rng, 20, 150));
            LocalDate periodEnd = end != null && end.isBefore(ended) ? end : ended;
            versions.add(new ExemptionHistory.Version(step(rng, ended, MutationAction.GEWIJZIGD),
                    new Period(start, periodEnd), ExemptionStatus.BEEINDIGD));
        } else if (end == null && Draw.chance(rng, 0.3)) {
            versions.add(new ExemptionHistory.Version(step(rng, working.plus(filed, Draw.between(rng, 10, 80)),
                    MutationAction.GEWIJZIGD), new Period(start, SimulatorCalendar.LAST_DAY), ExemptionStatus.ACTIEF));
        }
        return new ExemptionHistory(article, withLastEnrolment, previouslyExempt, grounds, versions);
    }

    /**
     * The next article from the deck that fits a pupil of {@code age}; unfitting cards stay for a later pupil, and a
     * freshly shuffled deck is added when none fits.
     */
    private ExemptionArticle article(int age) {
        while (true) {
            for (int i = 0; i < deck.size(); i++) {
                if (fits(deck.get(i), age)) {
                    return deck.remove(i);
                }
            }
            List<ExemptionArticle> fresh = new ArrayList<>();
            for (int a = 0; a < ARTICLES.length; a++) {
                for (int n = 0; n < CARDS_PER_DECK[a]; n++) {
                    fresh.add(ARTICLES[a]);
                }
            }
            for (int i = fresh.size() - 1; i > 0; i--) {
                Collections.swap(fresh, i, deckRandom.nextInt(i + 1));
            }
            deck.addAll(fresh);
        }
    }

    static boolean fits(ExemptionArticle article, int age) {
        return switch (article) {
            case ART_5A, ART_5B, ART_5C -> age >= 5 && age <= 17;
            case ART_3A -> age >= 14 && age <= 16;
            case ART_3B -> age >= 15 && age <= 17;
            case ART_15 -> age >= 16 && age <= 17;
        };
    }

    private static LocalDate end(SplittableRandom rng, PupilProfile profile, ExemptionArticle article) {
        return switch (article) {
            case ART_5A -> Draw.chance(rng, 0.8) ? SimulatorCalendar.LAST_DAY : null;
            case ART_5C -> Draw.chance(rng, 0.5) ? SimulatorCalendar.LAST_DAY : null;
            case ART_15 -> minDate(SimulatorCalendar.LAST_DAY, profile.birthDate().plusYears(18).minusDays(1));
            default -> SimulatorCalendar.LAST_DAY;
        };
    }

    private static Step step(SplittableRandom rng, LocalDate day, MutationAction action) {
        return new Step(SimulatorCalendar.at(day, SimulatorCalendar.officeTime(rng)), action);
    }

    private static LocalDate maxDate(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate minDate(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
