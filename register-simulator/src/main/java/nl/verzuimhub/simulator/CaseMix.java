package nl.verzuimhub.simulator;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.ExemptionArticle;

/**
 * Decides what the register holds about one pupil, and whether their circumstances change during the year.
 *
 * <p>Per 1000 pupils, roughly: 3 absolute-absence signals (far likelier for pupils with an onderwijsnummer), 10
 * exemptions, 60 absence reports (mostly secondary and older pupils) and 120 sick reports. A pupil found enrolled
 * nowhere or exempted gets no absence or sick reports. Of the pupils with an object that changes at least once,
 * about 4% move to another municipality and 3% change school between two of its versions, so that the later
 * versions (and later objects) carry the new Woongemeente or Inschrijving.
 *
 * <p>In a calibrated region ({@link #calibrated}) absolute absence, LRV and exemptions come only from the quota
 * ({@link #plan(PupilProfile, SplittableRandom, CalibratedCase)}): a pupil with a quota case has that case alone, and
 * the other pupils get absence reports of the other types and sick reports at the rates above.
 */
final class CaseMix {
    private final SchoolNetwork schools;
    private final AbsenceReportScript absenceReports;
    private final ExemptionScript exemptions;
    private final SickReportScript sickReports = new SickReportScript();
    private final AbsoluteAbsenceScript absoluteAbsence = new AbsoluteAbsenceScript();
    private final LongTermAbsenceScript longTermAbsence = new LongTermAbsenceScript();

    /** One per region: the exemption script deals articles from a deck shuffled by {@code exemptionDeck}. */
    CaseMix(SchoolNetwork schools, SplittableRandom exemptionDeck) {
        this(schools, exemptionDeck, true);
    }

    private CaseMix(SchoolNetwork schools, SplittableRandom exemptionDeck, boolean longTermRelativeByChance) {
        this.schools = schools;
        this.exemptions = new ExemptionScript(exemptionDeck);
        this.absenceReports = new AbsenceReportScript(longTermRelativeByChance);
    }

    /**
     * The case mix of a calibrated region: LRV, AV and exemptions only by quota. Its exemption deck is never dealt
     * (every article is given), so its stream does not matter.
     */
    static CaseMix calibrated(SchoolNetwork schools) {
        return new CaseMix(schools, new SplittableRandom(0), false);
    }

    List<PlannedHistory> plan(PupilProfile profile, SplittableRandom rng) {
        int age = profile.ageOn(SimulatorCalendar.REFERENCE_DATE);
        boolean withoutBsn = profile.identifier().type() == PupilIdentifier.Type.ONDERWIJSNUMMER;
        List<RecordHistory> histories = new ArrayList<>();
        boolean regular = false;
        if (AbsoluteAbsenceScript.eligible(age) && Draw.chance(rng, withoutBsn ? 0.03 : 0.002)) {
            histories.add(absoluteAbsence.plan(profile, rng));
        } else if (Draw.chance(rng, ExemptionScript.chance(age))) {
            histories.add(exemptions.plan(profile, rng));
        } else {
            regular = true;
            regularReports(profile, rng, histories);
        }
        return planned(profile, histories, rng, regular);
    }

    /** A calibrated region's pupil: their quota case ({@code assigned}), or when null the regular reports. */
    List<PlannedHistory> plan(PupilProfile profile, SplittableRandom rng, CalibratedCase assigned) {
        List<RecordHistory> histories = new ArrayList<>();
        if (assigned == null) {
            regularReports(profile, rng, histories);
        } else if (assigned.absoluteAbsence()) {
            histories.add(absoluteAbsence.plan(profile, rng, assigned.episode()));
        } else if (assigned.longTermRelative()) {
            histories.add(longTermAbsence.plan(profile, rng, assigned.episode()));
        } else {
            boolean withdrawn = assigned.episode() == Episode.WITHDRAWN
                    || (assigned.article() != ExemptionArticle.ART_5A && Draw.chance(rng, 0.03));
            histories.add(exemptions.plan(profile, rng, assigned.article(), withdrawn));
        }
        return planned(profile, histories, rng, assigned == null);
    }

    private void regularReports(PupilProfile profile, SplittableRandom rng, List<RecordHistory> histories) {
        if (Draw.chance(rng, absenceReportChance(profile.ageOn(SimulatorCalendar.REFERENCE_DATE)))) {
            histories.addAll(absenceReports.plan(profile, rng));
        }
        if (Draw.chance(rng, 0.075)) {
            histories.addAll(sickReports.plan(profile, rng));
        }
    }

    private List<PlannedHistory> planned(PupilProfile profile, List<RecordHistory> histories, SplittableRandom rng,
                                         boolean regular) {
        histories.removeIf(history -> history.steps().isEmpty());
        if (histories.isEmpty()) {
            return List.of();
        }
        PupilTimeline timeline = timeline(profile, histories, rng, regular);
        List<PlannedHistory> planned = new ArrayList<>();
        for (RecordHistory history : histories) {
            planned.add(new PlannedHistory(profile.index(), planned.size(), history, timeline));
        }
        return planned;
    }

    private static double absenceReportChance(int age) {
        if (age < 5) {
            return 0;
        }
        if (age < 12) {
            return 0.02;
        }
        return age < 18 ? 0.09 : 0.11;
    }

    private PupilTimeline timeline(PupilProfile profile, List<RecordHistory> histories, SplittableRandom rng,
                                   boolean mayChangeSchool) {
        List<RecordHistory> changing = histories.stream().filter(h -> h.steps().size() >= 2).toList();
        if (changing.isEmpty()) {
            return PupilTimeline.unchanged(profile);
        }
        boolean moves = Draw.chance(rng, 0.04);
        boolean changesSchool = !moves && mayChangeSchool && Draw.chance(rng, 0.03);
        if (!moves && !changesSchool) {
            return PupilTimeline.unchanged(profile);
        }
        List<Step> steps = Draw.oneOf(rng, changing).steps();
        int k = rng.nextInt(steps.size() - 1);
        OffsetDateTime from = steps.get(k).at();
        OffsetDateTime at = from.plusSeconds(Duration.between(from, steps.get(k + 1).at()).getSeconds() / 2);
        PupilProfile changed;
        if (moves) {
            Municipality target = Draw.oneOf(rng, profile.municipality().moveTargets());
            changed = new PupilProfile(profile.index(), profile.identifier(), profile.birthDate(), target,
                    profile.postcode() == null ? null : target.randomPostcode(rng), profile.school(),
                    profile.branch(), profile.grade());
        } else {
            School school = schools.another(rng, profile.municipality(), profile.school());
            if (school == null) {
                return PupilTimeline.unchanged(profile);
            }
            changed = new PupilProfile(profile.index(), profile.identifier(), profile.birthDate(),
                    profile.municipality(), profile.postcode(), school,
                    school.branches().isEmpty() ? null : Draw.oneOf(rng, school.branches()), profile.grade());
        }
        return PupilTimeline.changing(profile, at, changed);
    }
}
