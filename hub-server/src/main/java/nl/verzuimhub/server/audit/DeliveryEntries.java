package nl.verzuimhub.server.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditItem;
import nl.verzuimhub.dpia.AuditOutcome;

/**
 * Audit entries that record delivery rows as items (hash format 3), shared by the pull feed and push: a group of
 * deliveries is one entry per (recipient, purpose, legal basis), so every item keeps the purpose and basis it was
 * disclosed under. Groups come in the order of their first delivery, items in the order given. The entry's action is
 * DISCLOSE when any of its items discloses, else RETRACT. No deliveries, no entries.
 *
 * <p>The caller supplies the rest of each entry (channel, organisation, role, reason) for its group.
 */
public final class DeliveryEntries {
    private DeliveryEntries() {
    }

    /** What an entry's items share besides channel and time: the entry is grouped by these. */
    public record Key(String recipientId, String purposeId, String legalBasis) {
    }

    /** One delivery: the entry it belongs to and its item. */
    public record Delivery(Key key, AuditItem item) {
    }

    /**
     * A delivery row as an item: DISCLOSE, or RETRACT when the row withdraws the record ({@code INGETROKKEN}).
     * The parameters are the delivery row's columns.
     */
    public static AuditItem item(long deliveryId, String decisionId, String kind, String recordId, int version,
                                 MutationAction action, String subjectHash, String ruleId, String policyVersion,
                                 List<String> fields) {
        return new AuditItem(deliveryId, decisionId, kind, recordId, version,
                action == MutationAction.INGETROKKEN ? AuditAction.RETRACT : AuditAction.DISCLOSE, subjectHash, ruleId,
                policyVersion, fields);
    }

    /** Sets the parts of a group's entry that the caller owns (channel, organisation, role, reason). */
    @FunctionalInterface
    public interface Rest {
        void complete(Key key, List<AuditItem> items, AuditEvent.Builder entry);
    }

    /**
     * One entry per key of {@code deliveries}, each with time {@code now}, {@code outcome}, its key's recipient,
     * purpose and legal basis, its items and its action; {@code rest} sets the other parts.
     */
    public static List<AuditEvent> entries(List<Delivery> deliveries, Instant now, AuditOutcome outcome, Rest rest) {
        Map<Key, List<AuditItem>> byKey = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            byKey.computeIfAbsent(delivery.key(), key -> new ArrayList<>()).add(delivery.item());
        }
        List<AuditEvent> entries = new ArrayList<>(byKey.size());
        byKey.forEach((key, items) -> {
            boolean anyDisclosure = items.stream().anyMatch(item -> item.action() == AuditAction.DISCLOSE);
            AuditAction action = anyDisclosure ? AuditAction.DISCLOSE : AuditAction.RETRACT;
            AuditEvent.Builder entry = AuditEvent.builder(now, action, outcome).recipientId(key.recipientId())
                    .purposeId(key.purposeId()).legalBasis(key.legalBasis());
            rest.complete(key, items, entry);
            entries.add(entry.items(items).build());
        });
        return entries;
    }
}
