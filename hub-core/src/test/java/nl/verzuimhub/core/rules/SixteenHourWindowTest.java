package nl.verzuimhub.core.rules;

import static nl.verzuimhub.core.testdata.TestRecords.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.verzuimhub.core.calendar.HolidayRegion;
import nl.verzuimhub.core.calendar.SchoolCalendar;
import nl.verzuimhub.core.calendar.SchoolDays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SixteenHourWindowTest {
    private static final SchoolDays NOORD = SchoolCalendar.of(HolidayRegion.NOORD);

    /** domain.md: 3, 2, 4, 3, 2, 3 hours on 3, 5, 9, 18, 24, 27 September, with the last day as given. */
    private static List<AbsenceHours> workedExample(String lastDay) {
        String[] days = {"2024-09-03", "2024-09-05", "2024-09-09", "2024-09-18", "2024-09-24", lastDay};
        int[] hours = {3, 2, 4, 3, 2, 3};
        List<AbsenceHours> absences = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            absences.add(AbsenceHours.of(date(days[i]), hours[i]));
        }
        return absences;
    }

    @ParameterizedTest
    @EnumSource(HolidayRegion.class)
    void theWorkedExampleGivesOneReportFromThreeToTwentySevenSeptember(HolidayRegion region) {
        List<WindowReport> reports = SixteenHourWindow.reports(workedExample("2024-09-27"), SchoolCalendar.of(region));

        assertThat(reports).containsExactly(
                new WindowReport(date("2024-09-03"), date("2024-09-27"), BigDecimal.valueOf(17), 6));
    }

    @ParameterizedTest
    @EnumSource(HolidayRegion.class)
    void withTheLastHoursOnFirstOctoberThirdSeptemberDropsOutAndNoReportIsDue(HolidayRegion region) {
        List<AbsenceHours> absences = workedExample("2024-10-01");

        assertThat(SixteenHourWindow.reports(absences, SchoolCalendar.of(region))).isEmpty();
        assertThat(SixteenHourWindow.hoursInWindow(absences, date("2024-10-01"), SchoolCalendar.of(region)))
                .isEqualByComparingTo("14");
    }

    @Test
    void countingRestartsTheDayAfterAReportSoSeveralReportsFitInFourWeeks() {
        List<AbsenceHours> absences = List.of(
                AbsenceHours.of(date("2024-09-02"), 8), AbsenceHours.of(date("2024-09-03"), 8),
                AbsenceHours.of(date("2024-09-04"), 6), AbsenceHours.of(date("2024-09-05"), 6),
                AbsenceHours.of(date("2024-09-06"), 6));

        List<WindowReport> reports = SixteenHourWindow.reports(absences, NOORD);

        assertThat(reports).containsExactly(
                new WindowReport(date("2024-09-02"), date("2024-09-03"), BigDecimal.valueOf(16), 2),
                new WindowReport(date("2024-09-04"), date("2024-09-06"), BigDecimal.valueOf(18), 3));
    }

    @Test
    void aSchoolHolidayStretchesTheWindowInCalendarTerms() {
        // Noord's autumn holiday is 26 Oct - 3 Nov 2024: the 20 school days ending Mon 4 November start on
        // 1 October, so 7 October counts; counting every weekday the window would start on 8 October.
        List<AbsenceHours> absences = List.of(AbsenceHours.of(date("2024-10-07"), 8),
                AbsenceHours.of(date("2024-11-04"), 8));

        assertThat(SixteenHourWindow.reports(absences, NOORD)).hasSize(1);
        assertThat(SixteenHourWindow.reports(absences, SchoolDays.WEEKDAYS)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(HolidayRegion.class)
    void reportsOnRandomAbsencesKeepTheRulesContract(HolidayRegion region) {
        SchoolCalendar calendar = SchoolCalendar.of(region);
        java.util.SplittableRandom random = new java.util.SplittableRandom(20241001L + region.ordinal());
        int reports = 0;
        for (int pupil = 0; pupil < 200; pupil++) {
            List<AbsenceHours> absences = new ArrayList<>();
            for (var day = date("2024-09-02"); day.isBefore(date("2025-07-01")); day = day.plusDays(1)) {
                if (calendar.isSchoolDay(day) && random.nextInt(100) < 8) {
                    absences.add(AbsenceHours.of(day, 1 + random.nextInt(6)));
                }
            }
            java.time.LocalDate restart = null;
            for (WindowReport report : SixteenHourWindow.reports(absences, calendar)) {
                assertThat(report.hours()).isGreaterThanOrEqualTo(BigDecimal.valueOf(16));
                assertThat(calendar.schoolDaysBetween(report.first(), report.last())).isLessThanOrEqualTo(20);
                if (restart != null) {
                    assertThat(report.first()).isAfterOrEqualTo(restart);
                }
                // the day before the report's end, the hours counted since the restart stayed below 16
                java.time.LocalDate since = restart;
                List<AbsenceHours> before = absences.stream()
                        .filter(a -> a.date().isBefore(report.last()) && (since == null || !a.date().isBefore(since)))
                        .toList();
                if (!before.isEmpty()) {
                    assertThat(SixteenHourWindow.reports(before, calendar)).isEmpty();
                }
                restart = report.last().plusDays(1);
                reports++;
            }
        }
        assertThat(reports).as("the random absences give reports to check").isGreaterThan(20);
    }

    @Test
    void hoursOnOneDayAddUp() {
        List<AbsenceHours> absences = List.of(AbsenceHours.of(date("2024-09-10"), 8),
                AbsenceHours.of(date("2024-09-10"), 8));

        assertThat(SixteenHourWindow.reports(absences, NOORD)).containsExactly(
                new WindowReport(date("2024-09-10"), date("2024-09-10"), BigDecimal.valueOf(16), 1));
    }
}
