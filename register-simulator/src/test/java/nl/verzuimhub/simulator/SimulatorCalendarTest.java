package nl.verzuimhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import nl.verzuimhub.core.calendar.HolidayRegion;
import nl.verzuimhub.core.calendar.SchoolCalendar;
import org.junit.jupiter.api.Test;

class SimulatorCalendarTest {
    private static final SimulatorCalendar CALENDAR = SimulatorCalendar.INSTANCE;

    @Test
    void localTimesCarryTheAmsterdamOffsetOfTheirDay() {
        assertThat(SimulatorCalendar.at(LocalDate.of(2024, 10, 25), LocalTime.NOON).getOffset())
                .isEqualTo(ZoneOffset.ofHours(2));
        assertThat(SimulatorCalendar.at(LocalDate.of(2024, 10, 28), LocalTime.NOON).getOffset())
                .isEqualTo(ZoneOffset.ofHours(1));
        assertThat(SimulatorCalendar.at(LocalDate.of(2025, 3, 31), LocalTime.NOON).getOffset())
                .isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void schoolDaysSkipWeekendsPublicHolidaysAndTheRegionsHolidays() {
        SimulatorCalendar.Days noord = CALENDAR.schoolDays(HolidayRegion.NOORD);
        SimulatorCalendar.Days midden = CALENDAR.schoolDays(HolidayRegion.MIDDEN);

        assertThat(noord.get(noord.indexOnOrAfter(SimulatorCalendar.FIRST_DAY))).isEqualTo(LocalDate.of(2024, 9, 2));
        assertThat(midden.get(midden.indexOnOrAfter(SimulatorCalendar.FIRST_DAY))).isEqualTo(LocalDate.of(2024, 8, 26));
        assertThat(noord.plus(LocalDate.of(2024, 10, 25), 1)).isEqualTo(LocalDate.of(2024, 11, 4));
        assertThat(midden.plus(LocalDate.of(2024, 10, 25), 1)).isEqualTo(LocalDate.of(2024, 11, 4));
        assertThat(midden.plus(LocalDate.of(2025, 2, 21), 1)).as("midden's spring holiday is a week after noord's")
                .isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(noord.plus(LocalDate.of(2025, 2, 14), 1)).isEqualTo(LocalDate.of(2025, 2, 24));
        assertThat(noord.plus(LocalDate.of(2025, 6, 6), 1)).as("Whit Monday").isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(CALENDAR.workingDays().plus(LocalDate.of(2024, 12, 24), 1)).isEqualTo(LocalDate.of(2024, 12, 27));
        assertThat(noord.get(noord.indexOnOrBefore(SimulatorCalendar.LAST_DAY))).isEqualTo(LocalDate.of(2025, 7, 11));
    }

    @Test
    void schoolDaysAreExactlyHubCoresSchoolDaysOfTheRegion() {
        for (HolidayRegion region : HolidayRegion.values()) {
            SimulatorCalendar.Days days = CALENDAR.schoolDays(region);
            SchoolCalendar authority = SchoolCalendar.of(region);
            for (LocalDate d = SimulatorCalendar.FIRST_DAY; !d.isAfter(SimulatorCalendar.LAST_DAY); d = d.plusDays(1)) {
                boolean listed = days.get(days.indexOnOrAfter(d)).equals(d);
                assertThat(listed).as("%s %s", region, d).isEqualTo(authority.isSchoolDay(d));
            }
        }
    }

    @Test
    void theHolidaysListedAreThoseTouchingTheRegistersYear() {
        assertThat(CALENDAR.holidays(HolidayRegion.NOORD)).isNotEmpty().allSatisfy(holiday -> {
            assertThat(holiday.last()).isAfterOrEqualTo(SimulatorCalendar.FIRST_DAY);
            assertThat(holiday.first()).isBeforeOrEqualTo(SimulatorCalendar.LAST_DAY);
        });
    }
}
