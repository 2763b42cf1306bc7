package nl.verzuimhub.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import nl.verzuimhub.core.calendar.MunicipalityRegions;
import org.junit.jupiter.api.Test;

/** The hub's choice of school days per record: the region of residence, Monday to Friday where none is known. */
class RegionalCalendarsTest {
    final RegionalCalendars calendars = new RegionalCalendars(MunicipalityRegions.defaultsWith(Map.of("0935", "zuid")));

    @Test
    void aMunicipalityIsJudgedOnItsRegionsSchoolDays() {
        LocalDate zuidAutumnHoliday = LocalDate.parse("2024-10-21");
        assertThat(calendars.schoolDays("0363").isSchoolDay(zuidAutumnHoliday)).isTrue();
        assertThat(calendars.schoolDays("0935").isSchoolDay(zuidAutumnHoliday)).isFalse();
        assertThat(calendars.schoolDays("0599").isSchoolDay(LocalDate.parse("2024-10-28"))).isFalse();
    }

    @Test
    void withoutARegionOrOutsideTheCalendarWeekdaysCount() {
        assertThat(calendars.schoolDays("0014").isSchoolDay(LocalDate.parse("2024-10-28"))).as("no region").isTrue();
        assertThat(calendars.schoolDays("0363").isSchoolDay(LocalDate.parse("2024-07-29"))).as("before August 2024")
                .isTrue();
        assertThat(calendars.schoolDays("0363").isSchoolDay(LocalDate.parse("2024-08-26"))).as("summer 2024, noord")
                .isFalse();
    }
}
