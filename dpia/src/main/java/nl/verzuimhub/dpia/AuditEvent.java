package nl.verzuimhub.dpia;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One thing worth recording, before it is chained: who received (or was refused) what, why, and under which rule.
 *
 * <p>Contract: holds no personal data in clear. The data subject is {@code subjectHash}, a keyed hash
 * ({@link SubjectHasher}); {@code fields} are field names, never values. {@code occurredAt} is kept to the
 * microsecond, the precision PostgreSQL stores, so that a stored entry hashes to what was chained. Every part but
 * time, action and outcome may be null.
 *
 * @param recipientId   client id of the recipient (or of the caller who was refused)
 * @param organisation  code of the recipient's organisation (gemeentecode, partnership code, region id)
 * @param role          the recipient's role
 * @param purposeId     the purpose the processing served
 * @param legalBasis    the citation that made it lawful
 * @param policyId      id of the rule that decided
 * @param policyVersion version of the policy set that decided
 * @param decisionId    id of the decision
 * @param fields        names of the fields disclosed (feed names), in order
 * @param reason        for a denial or a search: what was refused or asked, without personal data
 */
public record AuditEvent(
        Instant occurredAt,
        AuditAction action,
        AuditOutcome outcome,
        AuditChannel channel,
        String recipientId,
        String organisation,
        String role,
        String purposeId,
        String legalBasis,
        String policyId,
        String policyVersion,
        String decisionId,
        String recordKind,
        String recordId,
        Integer recordVersion,
        String subjectHash,
        List<String> fields,
        String reason) {

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        fields = fields == null ? null : List.copyOf(fields);
    }
}
