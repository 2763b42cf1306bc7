package nl.verzuimhub.server.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import nl.verzuimhub.dpia.AuditEntry;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditItem;

/**
 * An audit entry as the audit API shows it to a privacy officer. Holds no personal data in clear. An entry with items
 * (a served feed page or a push entry, hash format 3) is shown as one view per item, each with the entry's id and
 * hashes, the item's position in the entry ({@code item}, from 0; null for an entry without items) and its delivery id
 * (the feed sequence); in a search by subject only that subject's items are shown.
 */
public record AuditEntryView(long id, Integer item, Long deliveryId, Instant occurredAt, String action, String outcome, String channel,
                             String recipient, String organisation, String role, String purpose, String legalBasis,
                             String policyId, String policyVersion, String decisionId, String recordKind,
                             String recordId, Integer recordVersion, String subjectHash, List<String> fields,
                             String reason, String previousHash, String hash, int hashFormat, String traceId,
                             String spanId, String processingActivity, String actingUser, String onBehalfOf) {

    /** The views of an entry: all its items, or with {@code subjectHash} (not null) only that subject's. */
    static List<AuditEntryView> of(AuditEntry entry, String subjectHash) {
        List<AuditItem> items = entry.event().items();
        if (items == null) {
            return List.of(of(entry, entry.event(), null, null));
        }
        List<AuditEntryView> views = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            AuditItem item = items.get(i);
            if (subjectHash == null || subjectHash.equals(item.subjectHash())) {
                views.add(of(entry, entry.event().asItem(item), i, item.deliveryId()));
            }
        }
        return views;
    }

    private static AuditEntryView of(AuditEntry entry, AuditEvent e, Integer item, Long deliveryId) {
        HexFormat hex = HexFormat.of();
        return new AuditEntryView(entry.id(), item, deliveryId, e.occurredAt(), e.action().name(), e.outcome().name(),
                e.channel() == null ? null : e.channel().name(), e.recipientId(), e.organisation(), e.role(),
                e.purposeId(), e.legalBasis(), e.policyId(), e.policyVersion(), e.decisionId(), e.recordKind(),
                e.recordId(), e.recordVersion(), e.subjectHash(), e.fields(), e.reason(),
                hex.formatHex(entry.previousHash()), hex.formatHex(entry.hash()), entry.format(), e.traceId(),
                e.spanId(), e.processingActivity(), e.actingUser(), e.onBehalfOf());
    }
}
