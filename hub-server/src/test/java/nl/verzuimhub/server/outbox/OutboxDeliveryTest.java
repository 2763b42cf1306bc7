package nl.verzuimhub.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.server.feed.RawJson;
import org.junit.jupiter.api.Test;

/** A delivery as the outbox reads it prints without its data. */
class OutboxDeliveryTest {
    @Test
    void printedWithoutItsData() {
        OutboxDelivery delivery = new OutboxDelivery(41, "swv-vo2701", "passend-onderwijs", "art. 18a WVO", "r1",
                "v1", "d-1", "VERZUIMMELDING", "M-41", 2, MutationAction.GEWIJZIGD, "hash", List.of("bsn"),
                RawJson.of("{\"bsn\":\"123456782\"}"), false);

        assertThat(delivery.toString()).contains("id=41", "swv-vo2701", "M-41").doesNotContain("123456782");
    }
}
