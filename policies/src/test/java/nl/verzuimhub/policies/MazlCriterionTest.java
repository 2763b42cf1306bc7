package nl.verzuimhub.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.verzuimhub.core.record.Period;
import org.junit.jupiter.api.Test;

class MazlCriterionTest {
    @Test
    void moreThanSixConsecutiveSchoolDaysCountsSchoolDaysNotCalendarDays() {
        // Mon 23 Sep .. Tue 1 Oct 2024: 7 school days over 9 calendar days.
        assertThat(MazlCriterion.holds(Records.sickReport("0363", "PO2701", "2024-09-23", "2024-10-01"), List.of(),
                SchoolCalendar.WEEKDAYS)).isTrue();
        // Mon 23 Sep .. Mon 30 Sep: 6 school days (8 calendar days): not more than 6.
        assertThat(MazlCriterion.holds(Records.sickReport("0363", "PO2701", "2024-09-23", "2024-09-30"), List.of(),
                SchoolCalendar.WEEKDAYS)).isFalse();
    }

    @Test
    void anOpenSickReportCountsUpToTheDayItWasLastChangedNotTheClock() {
        // Open since Mon 23 Sep, last changed 1 Oct 2024 (Records.CHANGED): 7 school days.
        assertThat(MazlCriterion.holds(Records.sickReport("0363", "PO2701", "2024-09-23", null), List.of(),
                SchoolCalendar.WEEKDAYS)).isTrue();
        assertThat(MazlCriterion.holds(Records.sickReport("0363", "PO2701", "2024-09-25", null), List.of(),
                SchoolCalendar.WEEKDAYS)).isFalse();
    }

    @Test
    void theFourthSickReportWithinTwelveSchoolWeeksMeetsTheCriterion() {
        var fourth = Records.sickReport("0363", "PO2701", "2024-11-04", "2024-11-05");
        List<Period> threeEarlier = List.of(period("2024-08-19"), period("2024-09-16"), period("2024-10-14"));
        assertThat(MazlCriterion.holds(fourth, threeEarlier, SchoolCalendar.WEEKDAYS)).isTrue();
        assertThat(MazlCriterion.holds(fourth, threeEarlier.subList(1, 3), SchoolCalendar.WEEKDAYS)).isFalse();
        // 12 school weeks before Mon 4 Nov start on Tue 13 Aug: a report on Mon 12 Aug lies outside.
        assertThat(MazlCriterion.holds(fourth, List.of(period("2024-08-12"), period("2024-09-16"), period("2024-10-14")),
                SchoolCalendar.WEEKDAYS)).isFalse();
        assertThat(MazlCriterion.holds(fourth, List.of(period("2024-08-13"), period("2024-09-16"), period("2024-10-14")),
                SchoolCalendar.WEEKDAYS)).isTrue();
    }

    @Test
    void aCalendarWithHolidaysStretchesTheWindow() {
        SchoolCalendar autumnBreak = date -> SchoolCalendar.WEEKDAYS.isSchoolDay(date)
                && (date.isBefore(LocalDate.parse("2024-10-21")) || date.isAfter(LocalDate.parse("2024-10-25")));
        // Thu 17 Oct .. Tue 29 Oct: 9 weekdays, but only 4 school days around the autumn break of 21-25 Oct.
        var report = Records.sickReport("0363", "PO2701", "2024-10-17", "2024-10-29");
        assertThat(MazlCriterion.holds(report, List.of(), SchoolCalendar.WEEKDAYS)).isTrue();
        assertThat(MazlCriterion.holds(report, List.of(), autumnBreak)).isFalse();
    }

    private static Period period(String start) {
        return new Period(LocalDate.parse(start), LocalDate.parse(start).plusDays(1));
    }
}
