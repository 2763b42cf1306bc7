package nl.verzuimhub.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditItem;
import nl.verzuimhub.dpia.AuditOutcome;
import org.junit.jupiter.api.Test;

/** The grouping shared by feed pages and push entries: one entry per recipient, purpose and legal basis. */
class DeliveryEntriesTest {
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final DeliveryEntries.Key A = new DeliveryEntries.Key("leerplicht-0363", "leerplicht", "art. 21a");
    static final DeliveryEntries.Key B = new DeliveryEntries.Key("leerplicht-0363", "leerplicht", "art. 18");
    static final DeliveryEntries.Key C = new DeliveryEntries.Key("swv-vo2701", "passend-onderwijs", "art. 21a");

    @Test
    void oneEntryPerKeyInOrderOfFirstDeliveryWithItsItemsInTheOrderGiven() {
        List<AuditEvent> entries = DeliveryEntries.entries(List.of(delivery(A, 1, MutationAction.NIEUW),
                        delivery(C, 2, MutationAction.INGETROKKEN), delivery(B, 3, MutationAction.GEWIJZIGD),
                        delivery(A, 4, MutationAction.INGETROKKEN), delivery(C, 5, MutationAction.INGETROKKEN)),
                NOW, AuditOutcome.FAILED, (key, items, entry) -> entry.channel(AuditChannel.PUSH)
                        .reason(key.legalBasis() + ": " + items.size()));

        assertThat(entries).extracting(AuditEvent::recipientId, AuditEvent::purposeId, AuditEvent::legalBasis)
                .containsExactly(tuple(A.recipientId(), A.purposeId(), A.legalBasis()),
                        tuple(C.recipientId(), C.purposeId(), C.legalBasis()),
                        tuple(B.recipientId(), B.purposeId(), B.legalBasis()));
        assertThat(entries).extracting(entry -> entry.items().stream().map(AuditItem::deliveryId).toList())
                .containsExactly(List.of(1L, 4L), List.of(2L, 5L), List.of(3L));
        assertThat(entries).extracting(AuditEvent::action)
                .as("DISCLOSE when any item discloses, else RETRACT")
                .containsExactly(AuditAction.DISCLOSE, AuditAction.RETRACT, AuditAction.DISCLOSE);
        assertThat(entries).extracting(AuditEvent::reason).containsExactly("art. 21a: 2", "art. 21a: 2", "art. 18: 1");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.occurredAt()).isEqualTo(NOW);
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
            assertThat(entry.channel()).isEqualTo(AuditChannel.PUSH);
            assertThat(entry.subjectHash()).isNull();
            assertThat(entry.appendFormat()).isEqualTo(3);
        });
        assertThat(entries.get(0).items().get(1).fields()).as("a retraction discloses no fields").isEmpty();
    }

    @Test
    void noDeliveriesNoEntries() {
        assertThat(DeliveryEntries.entries(List.of(), NOW, AuditOutcome.SUCCESS, (key, items, entry) -> {
        })).isEmpty();
    }

    private static DeliveryEntries.Delivery delivery(DeliveryEntries.Key key, long id, MutationAction action) {
        boolean retraction = action == MutationAction.INGETROKKEN;
        return new DeliveryEntries.Delivery(key, DeliveryEntries.item(id, "decision-" + id, "VERZUIMMELDING",
                "VM-" + id, 1, action, "subject-" + id, "rule", "test-1",
                retraction ? List.of() : List.of("bsn", "hours")));
    }
}
