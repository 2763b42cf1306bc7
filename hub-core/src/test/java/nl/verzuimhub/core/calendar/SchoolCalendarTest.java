package nl.verzuimhub.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SchoolCalendarTest {
    private static final SchoolCalendar NOORD = SchoolCalendar.of(HolidayRegion.NOORD);
    private static final SchoolCalendar MIDDEN = SchoolCalendar.of(HolidayRegion.MIDDEN);
    private static final SchoolCalendar ZUID = SchoolCalendar.of(HolidayRegion.ZUID);

    @ParameterizedTest(name = "{0}: noord {1}, midden {2}, zuid {3}")
    @CsvSource({
            // summer 2024 ends a week apart: zuid 18 Aug, midden 25 Aug, noord 1 Sep
            "2024-08-19, false, false, true",
            "2024-08-26, false, true, true",
            "2024-09-02, true, true, true",
            // autumn 2024: zuid 19-27 Oct, noord and midden 26 Oct - 3 Nov
            "2024-10-21, true, true, false",
            "2024-10-28, false, false, true",
            // Christmas is national
            "2024-12-23, false, false, false",
            "2025-01-06, true, true, true",
            // spring 2025: noord 15-23 Feb, midden and zuid 22 Feb - 2 Mar
            "2025-02-17, false, true, true",
            "2025-02-24, true, false, false",
            // summer 2025: zuid from 5 Jul, noord from 12 Jul, midden from 19 Jul
            "2025-07-07, true, true, false",
            "2025-07-14, false, true, false",
            "2025-07-21, false, false, false",
            "2025-08-25, true, false, true",
            // autumn 2025: zuid 11-19 Oct, noord and midden 18-26 Oct
            "2025-10-13, true, true, false",
            "2025-10-20, false, false, true",
            // spring 2026: midden and zuid 14-22 Feb, noord 21 Feb - 1 Mar
            "2026-02-16, true, false, false",
            "2026-02-23, false, true, true",
            // summer 2026: noord from 4 Jul, zuid from 11 Jul, midden from 18 Jul
            "2026-07-06, false, true, true",
            "2026-07-13, false, true, false",
            "2026-08-17, true, false, false",
            "2026-08-24, true, false, true",
    })
    void knownDatesPerRegion(LocalDate date, boolean noord, boolean midden, boolean zuid) {
        assertThat(NOORD.isSchoolDay(date)).as("noord").isEqualTo(noord);
        assertThat(MIDDEN.isSchoolDay(date)).as("midden").isEqualTo(midden);
        assertThat(ZUID.isSchoolDay(date)).as("zuid").isEqualTo(zuid);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2025-04-21, Tweede Paasdag",
            "2025-05-29, Hemelvaartsdag",
            "2025-06-09, Tweede Pinksterdag",
            "2025-05-05, Bevrijdingsdag (lustrum year 2025)",
            "2026-04-06, Tweede Paasdag",
            "2026-05-14, Hemelvaartsdag",
            "2026-05-25, Tweede Pinksterdag",
            "2027-03-29, Tweede Paasdag",
            "2027-05-17, Tweede Pinksterdag",
    })
    void nationalHolidaysOutsideSchoolHolidaysAreNoSchoolDays(LocalDate date, String name) {
        for (HolidayRegion region : HolidayRegion.values()) {
            SchoolCalendar calendar = SchoolCalendar.of(region);
            assertThat(calendar.holidayOn(date)).as(region + " school holiday").isEmpty();
            assertThat(date.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(calendar.isSchoolDay(date)).as(region + " " + name).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2025-04-18, Goede Vrijdag",
            "2025-05-30, Friday after Ascension Day",
            "2026-04-03, Goede Vrijdag",
            "2026-05-15, Friday after Ascension Day",
            "2026-05-05, Bevrijdingsdag outside a lustrum year",
            "2027-03-26, Goede Vrijdag",
    })
    void theStatedChoicesAreSchoolDays(LocalDate date, String name) {
        for (HolidayRegion region : HolidayRegion.values()) {
            assertThat(SchoolCalendar.of(region).isSchoolDay(date)).as(region + " " + name).isTrue();
        }
    }

    @Test
    void coverageIsSchoolYears2024To2027AndOutsideItTheCalendarRefuses() {
        assertThat(NOORD.firstCoveredDay()).isEqualTo(new SchoolYear(2024).firstDay());
        assertThat(NOORD.lastCoveredDay()).isEqualTo(new SchoolYear(2026).lastDay());
        assertThat(NOORD.isSchoolDay(LocalDate.parse("2024-08-01"))).isFalse();
        assertThat(ZUID.isSchoolDay(LocalDate.parse("2027-07-09"))).isTrue();
        assertThatThrownBy(() -> NOORD.isSchoolDay(LocalDate.parse("2024-07-31")))
                .isInstanceOf(DateOutsideCalendarException.class)
                .hasMessageContaining("2024-07-31").hasMessageContaining("2024-08-01 to 2027-07-31");
        assertThatThrownBy(() -> MIDDEN.schoolDaysBetween(LocalDate.parse("2027-07-01"), LocalDate.parse("2027-08-02")))
                .isInstanceOf(DateOutsideCalendarException.class)
                .satisfies(e -> assertThat(((DateOutsideCalendarException) e).date()).isEqualTo("2027-08-01"));
    }

    @Test
    void theWeekdayFallbackAnswersOutsideCoverageOnlyAndKeepsTheRegionInside() {
        SchoolDays fallback = NOORD.orWeekdaysOutsideCoverage();
        assertThat(fallback.isSchoolDay(LocalDate.parse("2024-07-31"))).isTrue();
        assertThat(fallback.isSchoolDay(LocalDate.parse("2024-07-27"))).isFalse();
        assertThat(fallback.isSchoolDay(LocalDate.parse("2024-08-26"))).isFalse();
        assertThat(fallback.isSchoolDay(LocalDate.parse("2027-08-02"))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(HolidayRegion.class)
    void everyHolidayHasItsOfficialLengthAndTheyNeitherOverlapNorLeaveAYearOut(HolidayRegion region) {
        List<SchoolHoliday> holidays = SchoolCalendar.of(region).holidays();
        for (int i = 0; i < holidays.size(); i++) {
            SchoolHoliday holiday = holidays.get(i);
            long days = ChronoUnit.DAYS.between(holiday.first(), holiday.last()) + 1;
            long expected = switch (holiday.kind()) {
                case ZOMER -> 44;
                case KERST -> 16;
                case HERFST, VOORJAAR, MEI -> 9;
            };
            assertThat(days).as(region + " " + holiday).isEqualTo(expected);
            assertThat(holiday.first().getDayOfWeek()).as(holiday.toString()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(holiday.last().getDayOfWeek()).as(holiday.toString()).isEqualTo(DayOfWeek.SUNDAY);
            if (i > 0) {
                assertThat(holiday.first()).isAfter(holidays.get(i - 1).last());
            }
        }
        for (int year = 2024; year <= 2026; year++) {
            SchoolYear schoolYear = new SchoolYear(year);
            for (HolidayKind kind : HolidayKind.values()) {
                assertThat(holidays).as(region + " " + schoolYear + " " + kind)
                        .anyMatch(h -> h.kind() == kind && schoolYear.contains(h.first()));
            }
        }
    }

    @Test
    void theKingsDayAndTheMayHolidayFallTogether() {
        for (int year = 2025; year <= 2027; year++) {
            LocalDate kingsDay = PublicHolidays.kingsDay(year);
            for (HolidayRegion region : HolidayRegion.values()) {
                assertThat(SchoolCalendar.of(region).holidayOn(kingsDay)).as(region + " " + year)
                        .hasValueSatisfying(h -> assertThat(h.kind()).isEqualTo(HolidayKind.MEI));
            }
        }
    }

    @Test
    void betweenTwoSummerHolidaysSchoolRunsFortyOneWeeksLessThePublicHolidays() {
        for (HolidayRegion region : HolidayRegion.values()) {
            List<SchoolHoliday> summers = SchoolCalendar.of(region).holidays().stream()
                    .filter(h -> h.kind() == HolidayKind.ZOMER).toList();
            for (int i = 1; i < summers.size(); i++) {
                LocalDate from = summers.get(i - 1).last().plusDays(1);
                LocalDate to = summers.get(i).first().minusDays(1);
                long weeks = ChronoUnit.WEEKS.between(from, to.plusDays(3)); // Monday after the Friday before
                int days = SchoolCalendar.of(region).schoolDaysBetween(from, to);
                // weeks between the summers less 5 weeks of other holidays, less 3 to 5 public holidays on weekdays
                assertThat(days).as(region + " " + from + ".." + to)
                        .isBetween((int) (weeks - 5) * 5 - 5, (int) (weeks - 5) * 5 - 3);
            }
        }
    }

    @Test
    void theSummerHolidaysOfTheThreeRegionsStartOnThreeSaturdaysAWeekApartAndLastSixWeeks() {
        for (int year = 2024; year <= 2027; year++) {
            int summer = year;
            List<LocalDate> starts = Arrays.stream(HolidayRegion.values())
                    .map(region -> SchoolCalendar.of(region).holidays().stream()
                            .filter(h -> h.kind() == HolidayKind.ZOMER && h.first().getYear() == summer)
                            .findFirst().orElseThrow())
                    .peek(h -> assertThat(ChronoUnit.DAYS.between(h.first(), h.last())).as(h.toString()).isEqualTo(43))
                    .map(SchoolHoliday::first).sorted().toList();
            assertThat(starts).as("summer " + year).allSatisfy(
                    start -> assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY));
            assertThat(ChronoUnit.DAYS.between(starts.get(0), starts.get(1))).as("summer " + year).isEqualTo(7);
            assertThat(ChronoUnit.DAYS.between(starts.get(1), starts.get(2))).as("summer " + year).isEqualTo(7);
        }
    }

    @Test
    void summer2027IsStaggeredNoordMiddenZuidAsTheGovernmentPublishedIt() {
        assertThat(NOORD.isSchoolDay(LocalDate.of(2027, 7, 9))).isTrue();
        assertThat(NOORD.isSchoolDay(LocalDate.of(2027, 7, 12))).isFalse();
        SchoolCalendar midden = SchoolCalendar.of(HolidayRegion.MIDDEN);
        assertThat(midden.isSchoolDay(LocalDate.of(2027, 7, 16))).isTrue();
        assertThat(midden.isSchoolDay(LocalDate.of(2027, 7, 19))).isFalse();
        SchoolCalendar zuid = SchoolCalendar.of(HolidayRegion.ZUID);
        assertThat(zuid.isSchoolDay(LocalDate.of(2027, 7, 23))).isTrue();
        assertThat(zuid.isSchoolDay(LocalDate.of(2027, 7, 26))).isFalse();
        assertThat(zuid.isSchoolDay(LocalDate.of(2027, 2, 12))).isTrue();
        assertThat(zuid.isSchoolDay(LocalDate.of(2027, 2, 15))).isFalse();
    }
}
