package nl.verzuimhub.core.rules;

import static nl.verzuimhub.core.testdata.TestRecords.pupil;
import static nl.verzuimhub.core.testdata.TestRecords.report;
import static nl.verzuimhub.core.testdata.TestRecords.v3;
import static org.assertj.core.api.Assertions.assertThat;

import nl.verzuimhub.core.calendar.HolidayRegion;
import nl.verzuimhub.core.calendar.SchoolCalendar;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.ReportStatus;
import org.junit.jupiter.api.Test;

class ReportPlausibilityTest {
    private static final SchoolCalendar NOORD = SchoolCalendar.of(HolidayRegion.NOORD);
    private static final SchoolCalendar ZUID = SchoolCalendar.of(HolidayRegion.ZUID);

    @Test
    void theWorkedExamplesReportAddsUp() {
        assertThat(ReportPlausibility.check(v3("VM-1", pupil(0), "2024-09-03", "2024-09-27", "17"), NOORD)).isEmpty();
    }

    @Test
    void fewerThanSixteenHoursIsFlagged() {
        assertThat(ReportPlausibility.check(v3("VM-1", pupil(0), "2024-09-03", "2024-09-27", "14"), NOORD))
                .extracting(PlausibilityFlag::problem).containsExactly(PlausibilityProblem.HOURS_BELOW_THRESHOLD);
        assertThat(ReportPlausibility.check(v3("VM-1", pupil(0), "2024-09-03", "2024-09-27", null), NOORD))
                .extracting(PlausibilityFlag::problem).containsExactly(PlausibilityProblem.HOURS_MISSING);
    }

    @Test
    void aPeriodLongerThanFourSchoolWeeksIsFlaggedOnTheRegionsSchoolDays() {
        // Mon 23 Sep - Fri 25 Oct 2024: 25 weekdays; zuid's autumn holiday (21-25 Oct) leaves 20 school days,
        // noord's (from 26 Oct) none of them.
        var report = v3("VM-1", pupil(0), "2024-09-23", "2024-10-25", "20");

        assertThat(ReportPlausibility.check(report, NOORD)).extracting(PlausibilityFlag::problem)
                .containsExactly(PlausibilityProblem.PERIOD_LONGER_THAN_FOUR_SCHOOL_WEEKS);
        assertThat(ReportPlausibility.check(report, NOORD).get(0).detail()).contains("25 school days");
        assertThat(ReportPlausibility.check(report, ZUID)).isEmpty();
    }

    @Test
    void moreHoursThanTheSchoolDaysCanHoldIsFlagged() {
        assertThat(ReportPlausibility.check(v3("VM-1", pupil(0), "2024-09-02", "2024-09-03", "17"), NOORD))
                .extracting(PlausibilityFlag::problem).containsExactly(PlausibilityProblem.HOURS_EXCEED_SCHOOL_TIME);
        assertThat(ReportPlausibility.check(v3("VM-1", pupil(0), "2024-09-02", "2024-09-03", "16"), NOORD)).isEmpty();
    }

    @Test
    void otherTypesAndWithdrawnReportsAreNotJudged() {
        assertThat(ReportPlausibility.check(report("VM-1", pupil(0), AbsenceType.LRV, "2024-09-02", "2024-12-20",
                null, ReportStatus.AFGESLOTEN), NOORD)).isEmpty();
        assertThat(ReportPlausibility.check(report("VM-1", pupil(0), AbsenceType.V4, "2024-09-02", "2024-12-20",
                "3", ReportStatus.INGETROKKEN), NOORD)).isEmpty();
        assertThat(ReportPlausibility.check(report("VM-1", pupil(0), AbsenceType.V4, "2024-09-02", null,
                "3", ReportStatus.GEREGISTREERD), NOORD)).extracting(PlausibilityFlag::problem)
                .containsExactly(PlausibilityProblem.HOURS_BELOW_THRESHOLD);
    }
}
