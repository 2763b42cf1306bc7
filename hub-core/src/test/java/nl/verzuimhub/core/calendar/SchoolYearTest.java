package nl.verzuimhub.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SchoolYearTest {
    @Test
    void aSchoolYearRunsFromFirstAugustToThirtyFirstJuly() {
        SchoolYear year = SchoolYear.parse("2024-2025");
        assertThat(year.firstDay()).isEqualTo("2024-08-01");
        assertThat(year.lastDay()).isEqualTo("2025-07-31");
        assertThat(SchoolYear.containing(LocalDate.parse("2025-07-31"))).isEqualTo(year);
        assertThat(SchoolYear.containing(LocalDate.parse("2025-08-01"))).isEqualTo(year.next());
        assertThat(SchoolYear.containing(LocalDate.parse("2024-07-31"))).hasToString("2023-2024");
    }

    @Test
    void onlyTwoConsecutiveYearsParse() {
        assertThatThrownBy(() -> SchoolYear.parse("2024-2026")).hasMessageContaining("not of the form 2024-2025");
        assertThatThrownBy(() -> SchoolYear.parse("2024")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchoolYear.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
