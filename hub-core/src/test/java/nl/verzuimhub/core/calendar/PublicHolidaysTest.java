package nl.verzuimhub.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicHolidaysTest {
    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
            "1818, 1818-03-22", // earliest possible date
            "1943, 1943-04-25", // latest possible date
            "2000, 2000-04-23",
            "2008, 2008-03-23",
            "2019, 2019-04-21",
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2038, 2038-04-25",
            "2285, 2285-03-22",
    })
    void easterSundayIsComputed(int year, LocalDate easter) {
        assertThat(PublicHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void easterIsAlwaysASundayBetween22MarchAnd25April() {
        for (int year = 1600; year <= 2400; year++) {
            LocalDate easter = PublicHolidays.easterSunday(year);
            assertThat(easter.getDayOfWeek()).as("" + year).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
        }
    }

    @Test
    void theEasterBasedHolidaysFollowEaster() {
        assertThat(PublicHolidays.of(2025)).extracting(PublicHoliday::name, PublicHoliday::date).contains(
                org.assertj.core.groups.Tuple.tuple("Tweede Paasdag", LocalDate.parse("2025-04-21")),
                org.assertj.core.groups.Tuple.tuple("Hemelvaartsdag", LocalDate.parse("2025-05-29")),
                org.assertj.core.groups.Tuple.tuple("Tweede Pinksterdag", LocalDate.parse("2025-06-09")),
                org.assertj.core.groups.Tuple.tuple("Koningsdag", LocalDate.parse("2025-04-26")),
                org.assertj.core.groups.Tuple.tuple("Bevrijdingsdag", LocalDate.parse("2025-05-05")));
        assertThat(PublicHolidays.of(2026)).extracting(PublicHoliday::name)
                .doesNotContain("Bevrijdingsdag", "Goede Vrijdag");
        assertThat(PublicHolidays.isPublicHoliday(LocalDate.parse("2026-04-27"))).isTrue();
        assertThat(PublicHolidays.isPublicHoliday(LocalDate.parse("2026-12-26"))).isTrue();
        assertThat(PublicHolidays.isPublicHoliday(LocalDate.parse("2026-04-03"))).isFalse();
    }
}
