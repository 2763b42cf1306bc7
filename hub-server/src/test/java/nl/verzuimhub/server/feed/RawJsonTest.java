package nl.verzuimhub.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.RecordKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A stored view is written into a page byte for byte, with byte and with character output alike. */
class RawJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VIEW = "{\"municipality\":\"0363\",\"schoolAction\":\"gesprek met ouders, één keer\","
            + "\"hours\":12.5,\"reporter\":{\"name\":\"Zoë\"}}";

    @Test
    void aPageCarriesTheStoredViewUnchangedAsBytesAndAsText() {
        FeedPage page = new FeedPage(List.of(
                new FeedItem(7, RecordKind.VERZUIMMELDING, "M-1", 2, MutationAction.GEWIJZIGD,
                        RawJson.ofUtf8(VIEW.getBytes(StandardCharsets.UTF_8))),
                new FeedItem(9, RecordKind.VERZUIMMELDING, "M-2", 1, MutationAction.INGETROKKEN, RawJson.of("{}"))),
                "9");
        String expected = "{\"items\":[{\"sequence\":7,\"kind\":\"VERZUIMMELDING\",\"id\":\"M-1\",\"version\":2,"
                + "\"action\":\"GEWIJZIGD\",\"data\":" + VIEW + "},{\"sequence\":9,\"kind\":\"VERZUIMMELDING\","
                + "\"id\":\"M-2\",\"version\":1,\"action\":\"INGETROKKEN\",\"data\":{}}],\"next\":\"9\"}";

        assertThat(new String(JSON.writeValueAsBytes(page), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(JSON.writeValueAsString(page)).isEqualTo(expected);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) ((List<Map<String, Object>>) JSON.readValue(expected,
                Map.class).get("items")).get(0).get("data");
        assertThat(data).containsEntry("schoolAction", "gesprek met ouders, één keer");
    }

    @Test
    void anItemPrintedForALogShowsNoneOfItsData() {
        FeedItem item = new FeedItem(3, RecordKind.VERZUIMMELDING, "M-3", 1, MutationAction.NIEUW, RawJson.of(VIEW));

        assertThat(item.toString()).doesNotContain("0363").doesNotContain("Zo").contains("RawJson[");
    }

    @Test
    void aViewLargerThanTheGeneratorsBufferIsWrittenWhole() {
        StringBuilder large = new StringBuilder("{\"grounds\":\"");
        large.append("é".repeat(20_000)).append("\"}");
        FeedItem item = new FeedItem(1, RecordKind.VRIJSTELLING, "V-1", 1, MutationAction.NIEUW,
                RawJson.ofUtf8(large.toString().getBytes(StandardCharsets.UTF_8)));

        String written = new String(JSON.writeValueAsBytes(item), StandardCharsets.UTF_8);

        assertThat(written).endsWith(",\"data\":" + large + "}");
    }
}
