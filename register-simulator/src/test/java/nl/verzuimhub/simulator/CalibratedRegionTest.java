package nl.verzuimhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.verzuimhub.core.calendar.MunicipalityRegions;
import nl.verzuimhub.core.calendar.SchoolDays;
import nl.verzuimhub.core.calendar.SchoolYear;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.SickReport;
import nl.verzuimhub.core.rules.Episode;
import nl.verzuimhub.core.rules.Episodes;
import nl.verzuimhub.core.rules.MazlRule;
import nl.verzuimhub.core.statistics.Indicators;
import nl.verzuimhub.core.statistics.LeerplichttellingCalculator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The calibrated region, counted with the hub's own leerplichttelling ({@link LeerplichttellingCalculator}): its
 * yearly indicators scaled to the country land within 10% of the 2020-2021 national figures.
 */
class CalibratedRegionTest {
    private static final NationalFigures NATIONAL = NationalFigures.SCHOOL_YEAR_2020_2021;
    private static final SchoolYear YEAR = SchoolYear.parse(CalibratedRegionBuilder.SCHOOL_YEAR);
    private static final int PUPILS = 100_000;
    private static final SyntheticRegion REGION = SyntheticRegion.calibrated(20241001).pupils(PUPILS)
            .schoolYear("2024-2025").generate();
    private static final Set<String> WITHDRAWN_SICK_REPORTS = REGION.mutations().stream()
            .filter(m -> m.action() == MutationAction.INGETROKKEN && m.record() instanceof SickReport)
            .map(m -> m.record().kind() + m.record().id()).collect(Collectors.toSet());

    /** Each municipality's school days, remembered (the calendar computes public holidays on every call). */
    private static final Map<String, SchoolDays> SCHOOL_DAYS = new HashMap<>();
    private static final Map<String, RegisterRecord> FIRST_VERSIONS = REGION.mutations().stream()
            .filter(m -> m.action() == MutationAction.NIEUW)
            .collect(Collectors.toMap(m -> m.record().kind() + "/" + m.record().id(), Mutation::record));

    @ParameterizedTest(name = "seed {0}, {1} pupils")
    @CsvSource({"20241001, 100000", "7, 30000"})
    void indicatorsScaledToTheCountryLandWithinTenPercentOfTheNationalFigures(long seed, int pupils) {
        SyntheticRegion region = pupils == PUPILS && seed == 20241001 ? REGION
                : SyntheticRegion.calibrated(seed).pupils(pupils).generate();

        Indicators counted = count(region);

        assertThat(NATIONAL.scaledUp(counted.absoluteAbsence(), pupils)).as("AV")
                .isCloseTo(NATIONAL.absoluteAbsence(), withinPercentage(10));
        assertThat(NATIONAL.scaledUp(counted.absoluteAbsenceOverThreeMonths(), pupils)).as("AV > 3 months")
                .isCloseTo(NATIONAL.absoluteAbsenceOverThreeMonths(), withinPercentage(10));
        assertThat(NATIONAL.scaledUp(counted.lrv(), pupils)).as("LRV")
                .isCloseTo(NATIONAL.longTermRelative(), withinPercentage(10));
        assertThat(NATIONAL.scaledUp(counted.lrvOverThreeMonths(), pupils)).as("LRV > 3 months")
                .isCloseTo(NATIONAL.longTermRelativeOverThreeMonths(), withinPercentage(10));
        assertThat(NATIONAL.scaledUp(counted.exemptions().get(ExemptionArticle.ART_5A), pupils)).as("5a")
                .isCloseTo(NATIONAL.exemptions5a(), withinPercentage(10));
    }

    @Test
    void eachIndicatorIsItsQuotaExactlyTheNationalFigureScaledAndRounded() {
        Indicators counted = count(REGION);

        assertThat(counted.absoluteAbsence()).isEqualTo(scaled(NATIONAL.absoluteAbsence()));
        assertThat(counted.absoluteAbsenceOverThreeMonths())
                .isEqualTo(scaled(NATIONAL.absoluteAbsenceOverThreeMonths()));
        assertThat(counted.lrv()).isEqualTo(scaled(NATIONAL.longTermRelative()));
        assertThat(counted.lrvOverThreeMonths()).isEqualTo(scaled(NATIONAL.longTermRelativeOverThreeMonths()));
        assertThat(counted.exemptions().get(ExemptionArticle.ART_5A)).isEqualTo(scaled(NATIONAL.exemptions5a()));
    }

    @Test
    void everyEpisodeEndsWellClearOfThreeMonthsSoNoCountingConventionMovesItAcross() {
        List<Episode> episodes = Episodes.from(records(REGION));

        assertThat(episodes).isNotEmpty().allSatisfy(episode -> {
            LocalDate last = episode.lastDayAsOf(YEAR.lastDay());
            assertThat(last.isAfter(episode.start().plusMonths(3).minusDays(14))
                    && last.isBefore(episode.start().plusMonths(3).plusDays(21)))
                    .as("%s ends within the 5 weeks around 3 months", episode).isFalse();
        });
        assertThat(episodes).as("some long episodes are still open when the year ends")
                .anySatisfy(episode -> assertThat(episode.end()).isNull());
    }

    @Test
    void everyPupilCountsOnceAndWithdrawnCasesExistButDoNotCount() {
        Map<String, List<RegisterRecord>> counted = new HashMap<>();
        List<RegisterRecord> latest = Episodes.latestVersions(records(REGION));
        for (RegisterRecord record : latest) {
            if (calibrated(record) && !withdrawn(record)) {
                counted.computeIfAbsent(record.pupil().identifier().value(), k -> new ArrayList<>()).add(record);
            }
        }

        assertThat(counted.values()).allSatisfy(cases -> assertThat(cases).hasSize(1));
        assertThat(latest.stream().filter(r -> calibrated(r) && withdrawn(r)).map(RegisterRecord::kind)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(RecordKind.ABSOLUUT_VERZUIM,
                RecordKind.VERZUIMMELDING, RecordKind.VRIJSTELLING);
    }

    @Test
    void theRestOfTheCaseMixIsThatOfTheDemoRegionAtScale() {
        List<Mutation> mutations = REGION.mutations();
        List<RegisterRecord> latest = Episodes.latestVersions(records(REGION));
        Map<ExemptionArticle, Long> articles = latest.stream().filter(Exemption.class::isInstance)
                .map(Exemption.class::cast).filter(e -> e.status() != ExemptionStatus.INGETROKKEN)
                .collect(Collectors.groupingBy(Exemption::article, Collectors.counting()));

        assertThat(mutations.stream().map(Mutation::action).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(MutationAction.values());
        assertThat(latest.stream().filter(AbsenceReport.class::isInstance).map(r -> ((AbsenceReport) r).absenceType())
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(AbsenceType.values());
        assertThat(records(REGION).stream().filter(AbsenceReport.class::isInstance)
                .map(r -> ((AbsenceReport) r).status()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ReportStatus.values());
        assertThat(articles.keySet()).containsExactlyInAnyOrder(ExemptionArticle.values());
        assertThat(articles.get(ExemptionArticle.ART_5A)).as("5a is the most common article")
                .isEqualTo(articles.values().stream().max(Long::compare).orElseThrow());
        long sick = latest.stream().filter(SickReport.class::isInstance).count();
        assertThat(sick).as("sick reports, ~120 per 1000 pupils")
                .isBetween(PUPILS * 90L / 1000, PUPILS * 150L / 1000);
        long reports = latest.stream().filter(AbsenceReport.class::isInstance).count();
        assertThat(reports).as("absence reports, ~60 per 1000 pupils")
                .isBetween(PUPILS * 45L / 1000, PUPILS * 80L / 1000);
        assertThat(latest).as("pupils move between versions of one object").anySatisfy(r ->
                assertThat(r.pupil().municipality()).isNotEqualTo(firstVersion(r).pupil().municipality()));
    }

    @Test
    void someSickPupilsMeetEachPartOfTheMazlCriterionButFew() {
        List<SickReport> sick = Episodes.latestVersions(records(REGION)).stream()
                .filter(SickReport.class::isInstance).map(SickReport.class::cast)
                .filter(r -> !WITHDRAWN_SICK_REPORTS.contains(r.kind() + r.id())).toList();
        Map<String, List<SickReport>> perPupil = sick.stream()
                .collect(Collectors.groupingBy(r -> r.pupil().identifier().value()));
        int longer = 0;
        int fourInTwelveWeeks = 0;
        for (List<SickReport> reports : perPupil.values()) {
            SchoolDays days = SCHOOL_DAYS.computeIfAbsent(reports.get(0).pupil().municipality(), code -> {
                SchoolDays calendar = MunicipalityRegions.DEFAULTS.calendarOf(code).orWeekdaysOutsideCoverage();
                Map<LocalDate, Boolean> known = new HashMap<>();
                return date -> known.computeIfAbsent(date, calendar::isSchoolDay);
            });
            boolean anyLonger = false;
            boolean anyFour = false;
            for (SickReport report : reports) {
                List<Period> others = reports.stream().filter(o -> o != report).map(SickReport::period).toList();
                anyLonger |= MazlRule.longerThanSixSchoolDays(report, days);
                anyFour |= MazlRule.fourWithinTwelveSchoolWeeks(report, others, days);
            }
            longer += anyLonger ? 1 : 0;
            fourInTwelveWeeks += anyFour ? 1 : 0;
        }

        assertThat(longer).as("pupils sick more than 6 school days in a row").isPositive()
                .isLessThan(perPupil.size() / 3);
        assertThat(fourInTwelveWeeks).as("pupils with 4 sick reports in 12 school weeks").isPositive()
                .isLessThan(perPupil.size() / 5);
    }

    @Test
    void sameSeedAndSizeGiveTheSameRegionAndAnotherSeedAnother() {
        SyntheticRegion small = SyntheticRegion.calibrated(5).pupils(5_000).generate();

        assertThat(SyntheticRegion.calibrated(5).pupils(5_000).generate().mutations()).isEqualTo(small.mutations());
        assertThat(SyntheticRegion.calibrated(6).pupils(5_000).generate().mutations()).isNotEqualTo(small.mutations());
    }

    @Test
    void theFeedKeepsTheRegistersContract() {
        List<Mutation> mutations = REGION.mutations();
        Map<String, Integer> versions = new HashMap<>();
        Set<String> withdrawnObjects = new HashSet<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < mutations.size(); i++) {
            Mutation mutation = mutations.get(i);
            Mutation previous = i == 0 ? null : mutations.get(i - 1);
            String object = mutation.record().kind() + "/" + mutation.record().id();
            int version = versions.merge(object, 1, Integer::sum);
            if (previous != null && (mutation.sequence() <= previous.sequence()
                    || mutation.occurredAt().isBefore(previous.occurredAt()))) {
                violations.add(mutation.sequence() + ": out of order");
            }
            if (!YEAR.contains(mutation.occurredAt().toLocalDate())) {
                violations.add(mutation.sequence() + ": outside the school year");
            }
            if (mutation.record().version() != version || (mutation.action() == MutationAction.NIEUW) != (version == 1)
                    || withdrawnObjects.contains(object)) {
                violations.add(mutation.sequence() + ": " + object + " version " + mutation.record().version());
            }
            if (mutation.action() == MutationAction.INGETROKKEN) {
                withdrawnObjects.add(object);
            }
        }

        assertThat(violations).isEmpty();
        assertThat(mutations.get(0).sequence()).isEqualTo(1);
    }

    @Test
    void theBuilderRefusesOtherSchoolYearsAndSizesOutOfRange() {
        assertThatThrownBy(() -> SyntheticRegion.calibrated(1).schoolYear("2025-2026"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-2025");
        assertThatThrownBy(() -> SyntheticRegion.calibrated(1).pupils(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticRegion.calibrated(1).pupils(CalibratedRegionBuilder.MAX_PUPILS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SyntheticRegion.calibrated(1).pupils(0).generate().mutations()).isEmpty();
    }

    private static Indicators count(SyntheticRegion region) {
        return new LeerplichttellingCalculator().calculate(records(region), YEAR, YEAR.lastDay());
    }

    private static long scaled(int nationalFigure) {
        return Math.round(NATIONAL.scaledTo(nationalFigure, PUPILS));
    }

    private static List<RegisterRecord> records(SyntheticRegion region) {
        return region.mutations().stream().map(Mutation::record).toList();
    }

    private static boolean calibrated(RegisterRecord record) {
        return record instanceof AbsoluteAbsence || record instanceof Exemption
                || (record instanceof AbsenceReport report && report.absenceType() == AbsenceType.LRV);
    }

    private static boolean withdrawn(RegisterRecord record) {
        if (record instanceof Exemption exemption) {
            return exemption.status() == ExemptionStatus.INGETROKKEN;
        }
        if (record instanceof AbsenceReport report) {
            return report.status() == ReportStatus.INGETROKKEN;
        }
        return record instanceof AbsoluteAbsence absence && absence.status() == ReportStatus.INGETROKKEN;
    }

    private static RegisterRecord firstVersion(RegisterRecord record) {
        return FIRST_VERSIONS.get(record.kind() + "/" + record.id());
    }
}
