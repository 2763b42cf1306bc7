package nl.verzuimhub.dpia;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an audit entry to the shape of a Logboek Dataverwerkingen record (Logius standard: one record per processing
 * per data subject, fields {@code trace_id}, {@code span_id}, {@code parent_span_id}, {@code name},
 * {@code start_time}, {@code end_time}, {@code status_code}, {@code resource}, {@code attributes} with the
 * {@code dpl.core.*} attributes). What the standard does not name is carried under the {@code verzuimhub.*}
 * attribute namespace, so nothing of the entry is lost. Plain maps, for any JSON writer.
 */
public final class LogboekRecord {
    /** Namespace of processing-activity URIs ({@code dpl.core.processing_activity_id} must be a URI). */
    public static final String ACTIVITY_URI_PREFIX = "urn:verzuimhub:verwerkingsactiviteit:";
    /** What {@code dpl.core.data_subject_id} holds: the HMAC of the BSN or onderwijsnummer, never the number. */
    public static final String SUBJECT_ID_TYPE = "urn:verzuimhub:hmac-sha256:bsn-of-onderwijsnummer";

    private LogboekRecord() {
    }

    /**
     * The records of an entry: one for an entry without items; one per item for an entry with items (a served feed
     * page), each with that item's subject, record, decision and fields and the entry's id and hash, so that every
     * disclosure is its own Logboek record with its own data subject.
     */
    public static List<Map<String, Object>> all(AuditEntry entry, String softwareVersion) {
        List<AuditItem> items = entry.event().items();
        if (items == null) {
            return List.of(of(entry, softwareVersion));
        }
        List<Map<String, Object>> records = new java.util.ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            records.add(of(entry, entry.event().asItem(items.get(i)), i, items.get(i).deliveryId(), softwareVersion));
        }
        return records;
    }

    /** The record of an entry without items (for one with items, see {@link #all}). */
    public static Map<String, Object> of(AuditEntry entry, String softwareVersion) {
        return of(entry, entry.event(), null, null, softwareVersion);
    }

    private static Map<String, Object> of(AuditEntry entry, AuditEvent e, Integer item, Long deliveryId,
                                          String softwareVersion) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("trace_id", e.traceId());
        record.put("span_id", e.spanId());
        record.put("parent_span_id", null);
        record.put("name", e.action().name().toLowerCase(java.util.Locale.ROOT));
        record.put("start_time", e.occurredAt().toString());
        record.put("end_time", e.occurredAt().toString());
        record.put("status_code", e.outcome() == AuditOutcome.SUCCESS ? "STATUS_CODE_OK" : "STATUS_CODE_ERROR");
        record.put("resource", Map.of("name", "verzuimhub", "version", softwareVersion));
        Map<String, Object> attributes = new LinkedHashMap<>();
        String activity = e.processingActivity() != null ? e.processingActivity()
                : ProcessingActivity.of(e.action(), e.purposeId());
        attributes.put("dpl.core.processing_activity_id", ACTIVITY_URI_PREFIX + activity);
        if (e.subjectHash() != null) {
            attributes.put("dpl.core.data_subject_id", e.subjectHash());
            attributes.put("dpl.core.data_subject_id_type", SUBJECT_ID_TYPE);
        }
        put(attributes, "verzuimhub.audit.entry_id", entry.id());
        put(attributes, "verzuimhub.audit.hash", HexFormat.of().formatHex(entry.hash()));
        put(attributes, "verzuimhub.audit.item", item);
        put(attributes, "verzuimhub.delivery_id", deliveryId);
        put(attributes, "verzuimhub.action", e.action().name());
        put(attributes, "verzuimhub.outcome", e.outcome().name());
        put(attributes, "verzuimhub.channel", e.channel() == null ? null : e.channel().name());
        put(attributes, "verzuimhub.recipient", e.recipientId());
        put(attributes, "verzuimhub.organisation", e.organisation());
        put(attributes, "verzuimhub.role", e.role());
        put(attributes, "verzuimhub.acting_user", e.actingUser());
        put(attributes, "verzuimhub.on_behalf_of", e.onBehalfOf());
        put(attributes, "verzuimhub.purpose", e.purposeId());
        put(attributes, "verzuimhub.legal_basis", e.legalBasis());
        put(attributes, "verzuimhub.policy_id", e.policyId());
        put(attributes, "verzuimhub.policy_version", e.policyVersion());
        put(attributes, "verzuimhub.decision_id", e.decisionId());
        put(attributes, "verzuimhub.record_kind", e.recordKind());
        put(attributes, "verzuimhub.record_id", e.recordId());
        put(attributes, "verzuimhub.record_version", e.recordVersion());
        put(attributes, "verzuimhub.fields", e.fields());
        put(attributes, "verzuimhub.reason", e.reason());
        record.put("attributes", attributes);
        return record;
    }

    private static void put(Map<String, Object> attributes, String key, Object value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
