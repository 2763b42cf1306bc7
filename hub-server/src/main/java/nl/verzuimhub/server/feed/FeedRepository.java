package nl.verzuimhub.server.feed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.dpia.AuditItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads a recipient's deliveries in feed order; their data as PostgreSQL's UTF-8 text ({@link RawJson}). */
@Repository
class FeedRepository {
    private static final int MAX_FIELD_LISTS = 10_000;
    private final JdbcTemplate jdbc;
    /**
     * Each delivery's field names as read (joined by commas: a field name holds none, {@link AuditItem}), parsed once
     * into an immutable list: a page repeats the few lists the rules disclose a hundred times, and its audit items
     * then share them instead of copying them. Bounded, in case rules ever disclose very many different lists.
     */
    private final Map<String, List<String>> fieldLists = new ConcurrentHashMap<>();

    FeedRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredDelivery> after(String recipientId, String purposeId, long after, int limit) {
        return jdbc.query("""
                select id, kind, record_id, version, action, purpose_id, legal_basis, rule_id, policy_version,
                       decision_id, subject_hash, array_to_string(fields, ','), coalesce(data::text, '{}')
                  from delivery
                 where recipient_id = ? and purpose_id = ? and id > ? and not withdrawn
                 order by id
                 limit ?""",
                (row, n) -> new StoredDelivery(row.getLong(1), RecordKind.valueOf(row.getString(2)), row.getString(3),
                        row.getInt(4), MutationAction.valueOf(row.getString(5)), row.getString(6), row.getString(7),
                        row.getString(8), row.getString(9), row.getString(10), row.getString(11),
                        fieldList(row.getString(12)), RawJson.ofUtf8(row.getBytes(13))),
                recipientId, purposeId, after, limit);
    }

    private List<String> fieldList(String joined) {
        List<String> fields = fieldLists.get(joined);
        if (fields == null) {
            fields = AuditItem.splitFields(joined);
            if (fieldLists.size() < MAX_FIELD_LISTS) {
                fieldLists.put(joined, fields);
            }
        }
        return fields;
    }

    record StoredDelivery(long id, RecordKind kind, String recordId, int version, MutationAction action,
                          String purposeId, String legalBasis, String ruleId, String policyVersion, String decisionId,
                          String subjectHash, List<String> fields, RawJson data) {
    }
}
