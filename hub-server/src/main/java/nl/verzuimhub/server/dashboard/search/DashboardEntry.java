package nl.verzuimhub.server.dashboard.search;

import java.time.Instant;
import java.util.List;

/**
 * One audit entry as the dashboard reads it. The last five parts come from columns the audit work adds
 * ({@code trace_id, span_id, processing_activity, acting_user, on_behalf_of}); they are null while a database does not
 * have them. Holds no personal data in clear: the subject is its keyed hash.
 */
public record DashboardEntry(long id, Instant occurredAt, String action, String outcome, String channel,
                             String recipientId, String organisation, String role, String purposeId,
                             String legalBasis, String policyId, String policyVersion, String decisionId,
                             String recordKind, String recordId, Integer recordVersion, String subjectHash,
                             List<String> fields, String reason, String traceId, String spanId,
                             String processingActivity, String actingUser, String onBehalfOf) {

    /** Column names in export order (CSV header, JSON keys). */
    public static final List<String> COLUMNS = List.of("id", "occurred_at", "action", "outcome", "channel",
            "recipient_id", "organisation", "role", "purpose_id", "legal_basis", "policy_id", "policy_version",
            "decision_id", "record_kind", "record_id", "record_version", "subject_hash", "fields", "reason",
            "trace_id", "span_id", "processing_activity", "acting_user", "on_behalf_of");

    /** Values in {@link #COLUMNS} order; fields joined by '|'. */
    public List<Object> values() {
        return java.util.Arrays.asList(id, occurredAt, action, outcome, channel, recipientId, organisation, role,
                purposeId, legalBasis, policyId, policyVersion, decisionId, recordKind, recordId, recordVersion,
                subjectHash, fields == null ? null : String.join("|", fields), reason, traceId, spanId,
                processingActivity, actingUser, onBehalfOf);
    }
}
