package nl.verzuimhub.server.feed;

import java.util.Arrays;
import java.util.List;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.RecordKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads a recipient's deliveries in feed order; their data as PostgreSQL's UTF-8 text ({@link RawJson}). */
@Repository
class FeedRepository {
    private final JdbcTemplate jdbc;

    FeedRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredDelivery> after(String recipientId, String purposeId, long after, int limit) {
        return jdbc.query("""
                select id, kind, record_id, version, action, purpose_id, legal_basis, rule_id, policy_version,
                       decision_id, subject_hash, fields, coalesce(data::text, '{}')
                  from delivery
                 where recipient_id = ? and purpose_id = ? and id > ? and not withdrawn
                 order by id
                 limit ?""",
                (row, n) -> new StoredDelivery(row.getLong(1), RecordKind.valueOf(row.getString(2)), row.getString(3),
                        row.getInt(4), MutationAction.valueOf(row.getString(5)), row.getString(6), row.getString(7),
                        row.getString(8), row.getString(9), row.getString(10), row.getString(11),
                        Arrays.asList((String[]) row.getArray(12).getArray()), RawJson.ofUtf8(row.getBytes(13))),
                recipientId, purposeId, after, limit);
    }

    record StoredDelivery(long id, RecordKind kind, String recordId, int version, MutationAction action,
                          String purposeId, String legalBasis, String ruleId, String policyVersion, String decisionId,
                          String subjectHash, List<String> fields, RawJson data) {
    }
}
