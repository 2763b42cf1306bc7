package nl.verzuimhub.core.rules;

import static nl.verzuimhub.core.testdata.TestRecords.date;
import static nl.verzuimhub.core.testdata.TestRecords.pupil;
import static nl.verzuimhub.core.testdata.TestRecords.sick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.verzuimhub.core.calendar.DateOutsideCalendarException;
import nl.verzuimhub.core.calendar.HolidayRegion;
import nl.verzuimhub.core.calendar.SchoolCalendar;
import nl.verzuimhub.core.calendar.SchoolDays;
import nl.verzuimhub.core.record.Period;
import org.junit.jupiter.api.Test;

class MazlRuleTest {
    private static final SchoolCalendar NOORD = SchoolCalendar.of(HolidayRegion.NOORD);
    private static final SchoolCalendar ZUID = SchoolCalendar.of(HolidayRegion.ZUID);

    @Test
    void aSickReportSpanningTheAutumnHolidayIsJudgedOnTheRegionsSchoolDays() {
        // Wed 23 Oct - Tue 5 Nov 2024: 10 weekdays. Noord is on holiday 26 Oct - 3 Nov: 5 school days.
        // Zuid was on holiday 19-27 Oct: 23-25 Oct are no school days, 28 Oct - 5 Nov are 7.
        var report = sick("ZM-1", pupil(0), "2024-10-23", "2024-11-05");

        assertThat(MazlRule.holds(report, List.of(), SchoolDays.WEEKDAYS)).isTrue();
        assertThat(MazlRule.holds(report, List.of(), NOORD)).isFalse();
        assertThat(MazlRule.holds(report, List.of(), ZUID)).isTrue();
        assertThat(MazlRule.why(report, List.of(), ZUID)).contains("more than 6 consecutive school days");
    }

    @Test
    void twelveSchoolWeeksStretchOverTheChristmasHoliday() {
        // The 4th report starts Mon 3 Feb 2025. 60 weekdays back reach Tue 12 Nov 2024, so a report of 6 November
        // falls outside; noord leaves out Christmas (21 Dec - 5 Jan) and its autumn holiday (26 Oct - 3 Nov), and
        // its 60 school days reach back to Tue 22 October.
        var fourth = sick("ZM-4", pupil(0), "2025-02-03", "2025-02-04");
        List<Period> earlier = List.of(period("2024-11-06"), period("2024-12-02"), period("2025-01-13"));

        assertThat(MazlRule.holds(fourth, earlier, SchoolDays.WEEKDAYS)).isFalse();
        assertThat(MazlRule.holds(fourth, earlier, NOORD)).isTrue();
        assertThat(MazlRule.why(fourth, earlier, NOORD)).contains("4th sick report within 12 school weeks");
        assertThat(MazlRule.windowStart(date("2025-02-03"), 60, SchoolDays.WEEKDAYS)).isEqualTo("2024-11-12");
        assertThat(MazlRule.windowStart(date("2025-02-03"), 60, NOORD)).isEqualTo("2024-10-22");
    }

    @Test
    void theStrictCalendarRefusesAWindowBeforeItsCoverageAndTheFallbackDoesNot() {
        var fourth = sick("ZM-4", pupil(0), "2024-09-02", "2024-09-03");
        List<Period> earlier = List.of(period("2024-06-03"), period("2024-06-17"), period("2024-08-26"));

        assertThatThrownBy(() -> MazlRule.holds(fourth, earlier, NOORD))
                .isInstanceOf(DateOutsideCalendarException.class);
        assertThat(MazlRule.holds(fourth, earlier, NOORD.orWeekdaysOutsideCoverage())).isTrue();
    }

    private static Period period(String start) {
        return new Period(date(start), date(start).plusDays(1));
    }
}
