package nl.verzuimhub.server.outbox;

import java.util.List;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.server.feed.RawJson;

/**
 * A delivery row as the outbox reads it: everything its audit entries and its feed item need; its data as
 * PostgreSQL's UTF-8 text ({@link RawJson}, which also keeps it out of {@code toString}).
 */
record OutboxDelivery(long id, String recipientId, String purposeId, String legalBasis, String ruleId,
                      String policyVersion, String decisionId, String kind, String recordId, int version,
                      MutationAction action, String subjectHash, List<String> fields, RawJson data,
                      boolean withdrawn) {

    static final String COLUMNS = "d.id, d.recipient_id, d.purpose_id, d.legal_basis, d.rule_id, d.policy_version,"
            + " d.decision_id, d.kind, d.record_id, d.version, d.action, d.subject_hash, d.fields,"
            + " coalesce(d.data::text, '{}'), d.withdrawn";

    static final org.springframework.jdbc.core.RowMapper<OutboxDelivery> MAPPER = (row, n) -> new OutboxDelivery(
            row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
            row.getString(7), row.getString(8), row.getString(9), row.getInt(10),
            MutationAction.valueOf(row.getString(11)), row.getString(12),
            java.util.Arrays.asList((String[]) row.getArray(13).getArray()), RawJson.ofUtf8(row.getBytes(14)),
            row.getBoolean(15));

    boolean retraction() {
        return action == MutationAction.INGETROKKEN;
    }

    /**
     * What this delivery's item says when its batch is sent now: itself, or, once the source has withdrawn the record
     * (its data erased), a retraction at the same sequence without data. So every attempt under a batch's key carries
     * the same sequences, and an erased item is never sent again.
     */
    OutboxDelivery asSentNow() {
        if (!withdrawn || retraction()) {
            return this;
        }
        return new OutboxDelivery(id, recipientId, purposeId, legalBasis, ruleId, policyVersion, decisionId, kind,
                recordId, version, MutationAction.INGETROKKEN, subjectHash, List.of(), RawJson.of("{}"), true);
    }
}
