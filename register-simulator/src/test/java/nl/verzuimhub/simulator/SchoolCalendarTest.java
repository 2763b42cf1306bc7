package nl.verzuimhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SchoolCalendarTest {
    private static final SchoolCalendar CALENDAR = SchoolCalendar.INSTANCE;

    @Test
    void localTimesCarryTheAmsterdamOffsetOfTheirDay() {
        assertThat(SchoolCalendar.at(LocalDate.of(2024, 10, 25), LocalTime.NOON).getOffset())
                .isEqualTo(ZoneOffset.ofHours(2));
        assertThat(SchoolCalendar.at(LocalDate.of(2024, 10, 28), LocalTime.NOON).getOffset())
                .isEqualTo(ZoneOffset.ofHours(1));
        assertThat(SchoolCalendar.at(LocalDate.of(2025, 3, 31), LocalTime.NOON).getOffset())
                .isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void schoolDaysSkipWeekendsPublicHolidaysAndTheRegionsHolidays() {
        SchoolCalendar.Days noord = CALENDAR.schoolDays(HolidayRegion.NOORD);
        SchoolCalendar.Days midden = CALENDAR.schoolDays(HolidayRegion.MIDDEN);

        assertThat(noord.get(noord.indexOnOrAfter(SchoolCalendar.FIRST_DAY))).isEqualTo(LocalDate.of(2024, 9, 2));
        assertThat(midden.get(midden.indexOnOrAfter(SchoolCalendar.FIRST_DAY))).isEqualTo(LocalDate.of(2024, 8, 26));
        assertThat(noord.plus(LocalDate.of(2024, 10, 25), 1)).isEqualTo(LocalDate.of(2024, 11, 4));
        assertThat(midden.plus(LocalDate.of(2024, 10, 18), 1)).isEqualTo(LocalDate.of(2024, 10, 28));
        assertThat(noord.plus(LocalDate.of(2024, 10, 18), 1)).isEqualTo(LocalDate.of(2024, 10, 21));
        assertThat(noord.plus(LocalDate.of(2025, 6, 6), 1)).as("Whit Monday").isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(CALENDAR.workingDays().plus(LocalDate.of(2024, 12, 24), 1)).isEqualTo(LocalDate.of(2024, 12, 27));
        assertThat(noord.get(noord.indexOnOrBefore(SchoolCalendar.LAST_DAY))).isEqualTo(LocalDate.of(2025, 7, 11));
    }
}
