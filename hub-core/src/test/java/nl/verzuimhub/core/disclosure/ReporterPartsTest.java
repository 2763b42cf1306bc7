package nl.verzuimhub.core.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.record.Reporter;
import org.junit.jupiter.api.Test;

/** The reporter in a view: its present parts in the order name, role, phone, e-mail; a plain immutable map. */
class ReporterPartsTest {

    @Test
    void presentPartsInOrderEqualToTheSameLinkedHashMap() {
        Map<String, String> parts = RecordFields.reporter(new Reporter("J. Tester", null, "020-1234567", "j@school.nl"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("name", "J. Tester");
        expected.put("phone", "020-1234567");
        expected.put("email", "j@school.nl");

        assertThat(new ArrayList<>(parts.keySet())).containsExactly("name", "phone", "email");
        assertThat(new ArrayList<>(parts.values())).containsExactly("J. Tester", "020-1234567", "j@school.nl");
        assertThat(parts).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(3);
        assertThat(expected).isEqualTo(parts);
        assertThat(parts.get("phone")).isEqualTo("020-1234567");
        assertThat(parts.get("role")).isNull();
        assertThat(parts.containsKey("role")).isFalse();
        assertThat(parts.containsKey("email")).isTrue();
        assertThat(parts).isNotEqualTo(Map.of("name", "J. Tester"));
    }

    @Test
    void allFourPartsAndNoneCanBeChanged() {
        Map<String, String> parts = RecordFields.reporter(new Reporter("A", "Mentor", "1", "a@b.nl"));
        assertThat(List.copyOf(parts.entrySet())).extracting(Map.Entry::getKey)
                .containsExactly("name", "role", "phone", "email");
        assertThatThrownBy(() -> parts.put("name", "B")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> parts.entrySet().iterator().next().setValue("B"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> parts.remove("name")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(RecordFields.reporter(new Reporter("Only", null, null, null))).containsExactly(Map.entry("name", "Only"));
    }
}
