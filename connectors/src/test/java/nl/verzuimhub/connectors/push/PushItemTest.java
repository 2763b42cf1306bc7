package nl.verzuimhub.connectors.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A push item printed for a log names the item, never its data. */
class PushItemTest {
    @Test
    void printedWithoutItsData() {
        PushItem item = new PushItem(12, "VERZUIMMELDING", "M-12", 2, "GEWIJZIGD",
                "{\"bsn\":\"123456782\",\"suspectedReason\":\"thuis\"}");

        assertThat(item.toString()).contains("sequence=12", "M-12", "GEWIJZIGD")
                .doesNotContain("123456782").doesNotContain("thuis");
        assertThat(item.dataJson()).contains("123456782");
    }
}
