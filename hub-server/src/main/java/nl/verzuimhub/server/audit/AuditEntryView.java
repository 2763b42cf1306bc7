package nl.verzuimhub.server.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import nl.verzuimhub.dpia.AuditEntry;

/** An audit entry as the audit API shows it to a privacy officer. Holds no personal data in clear. */
public record AuditEntryView(long id, Instant occurredAt, String action, String outcome, String channel,
                             String recipient, String organisation, String role, String purpose, String legalBasis,
                             String policyId, String policyVersion, String decisionId, String recordKind,
                             String recordId, Integer recordVersion, String subjectHash, List<String> fields,
                             String reason, String previousHash, String hash, int hashFormat, String traceId,
                             String spanId, String processingActivity, String actingUser, String onBehalfOf) {

    static AuditEntryView of(AuditEntry entry) {
        var e = entry.event();
        HexFormat hex = HexFormat.of();
        return new AuditEntryView(entry.id(), e.occurredAt(), e.action().name(), e.outcome().name(),
                e.channel() == null ? null : e.channel().name(), e.recipientId(), e.organisation(), e.role(),
                e.purposeId(), e.legalBasis(), e.policyId(), e.policyVersion(), e.decisionId(), e.recordKind(),
                e.recordId(), e.recordVersion(), e.subjectHash(), e.fields(), e.reason(),
                hex.formatHex(entry.previousHash()), hex.formatHex(entry.hash()), entry.format(), e.traceId(),
                e.spanId(), e.processingActivity(), e.actingUser(), e.onBehalfOf());
    }
}
