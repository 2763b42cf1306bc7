package nl.verzuimhub.server.dashboard.search;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.verzuimhub.dpia.JdbcAuditLog;
import nl.verzuimhub.server.outbox.PushAudit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log ({@code audit_entry}) for the dashboard: searches, counts, and the statistics the charts,
 * anomalies and reports need. Read-only by construction: it has no statement that writes. Local days and hours are
 * those of {@link #ZONE}, the hub's users' time zone.
 *
 * <p>Entries with items (a served feed page or a push entry, hash format 3) are read as one row per item: the entry's
 * page-wide parts with the item's action, rule, policy version, decision, record, subject and fields (the entry's id on
 * every row). Searches, counts and statistics therefore count disclosures, not pages. In a search by subject a page
 * yields only that subject's items, never the other subjects' items of the same page.
 */
@Repository
public class AuditReadRepository {
    public static final String ZONE = "Europe/Amsterdam";

    private final JdbcTemplate jdbc;
    private final AuditColumns columns;

    AuditReadRepository(JdbcTemplate jdbc, AuditColumns columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    public record DailyCount(String recipientId, String action, LocalDate day, long count) {
    }

    public record HourlyCount(String recipientId, String action, LocalDateTime hour, long count) {
    }

    public record SubjectSpread(String subjectHash, long recipients) {
    }

    public record PurposeVolume(String recipientId, String purposeId, String action, long count) {
    }

    public record Checkpoint(long id, long lastEntryId, String lastHash, Instant signedAt, String keyId) {
    }

    /** The first {@code limit} matching entries in log order (chronological). */
    public List<DashboardEntry> search(SearchCriteria criteria, int limit) {
        List<Object> parameters = new ArrayList<>();
        String sql = rows(criteria, parameters, Long.MAX_VALUE) + " order by id, item limit ?";
        parameters.add(limit);
        return jdbc.query(sql, (row, n) -> read(row), parameters.toArray());
    }

    public long count(SearchCriteria criteria) {
        return count(criteria, Long.MAX_VALUE);
    }

    /** Matching entries with an id up to {@code maxId}. */
    public long count(SearchCriteria criteria, long maxId) {
        List<Object> parameters = new ArrayList<>();
        return jdbc.queryForObject("select count(*) from (" + rows(criteria, parameters, maxId) + ") matching",
                Long.class, parameters.toArray());
    }

    /** The id of the newest entry, 0 for an empty log. */
    public long maxId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    }

    /**
     * Every matching entry up to {@code maxId} in log order, one at a time, fetched in batches so memory stays flat. Run it inside a
     * transaction: PostgreSQL streams a result only with auto-commit off.
     */
    public void stream(SearchCriteria criteria, long maxId, Consumer<DashboardEntry> sink) {
        List<Object> parameters = new ArrayList<>();
        String sql = rows(criteria, parameters, maxId) + " order by id, item";
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setFetchSize(1_000);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }, row -> {
            sink.accept(read(row));
        });
    }

    /** Entries per recipient, action and local day since {@code from}. */
    public List<DailyCount> dailyCounts(Instant from) {
        return jdbc.query("select recipient_id, action, (occurred_at at time zone '" + ZONE + "')::date as day,"
                        + " count(*) from (" + actions("occurred_at >= ?") + ") a group by 1, 2, 3 order by 3",
                (row, n) -> new DailyCount(row.getString(1), row.getString(2), row.getObject(3, LocalDate.class),
                        row.getLong(4)), utc(from), utc(from));
    }

    /** Entries per recipient, action and local hour since {@code from}. */
    public List<HourlyCount> hourlyCounts(Instant from) {
        return jdbc.query("select recipient_id, action, date_trunc('hour', occurred_at at time zone '" + ZONE
                        + "') as hour, count(*) from (" + actions("occurred_at >= ?") + ") a group by 1, 2, 3 order by 3",
                (row, n) -> new HourlyCount(row.getString(1), row.getString(2),
                        row.getObject(3, LocalDateTime.class), row.getLong(4)), utc(from), utc(from));
    }

    /** Subjects disclosed to at least {@code minRecipients} distinct recipients since {@code from}. */
    public List<SubjectSpread> subjectSpread(Instant from, int minRecipients) {
        return jdbc.query("select subject_hash, count(distinct recipient_id) from (select subject_hash, recipient_id"
                        + " from audit_entry where action = 'DISCLOSE' and subject_hash is not null and occurred_at >= ?"
                        + " union all select s.subject, e.recipient_id from audit_entry e cross join"
                        + " lateral unnest(e.item_subjects, e.item_actions) as s(subject, action)"
                        + " where e.item_subjects is not null and s.action = 'DISCLOSE' and e.occurred_at >= ?"
                        + ") disclosed group by 1 having count(distinct recipient_id) >= ? order by 2 desc limit 100",
                (row, n) -> new SubjectSpread(row.getString(1), row.getLong(2)), utc(from), utc(from), minRecipients);
    }

    /** Entries per recipient, purpose and action over the whole log: the register's and DPIA's volumes. */
    public List<PurposeVolume> purposeVolumes() {
        return jdbc.query("select recipient_id, purpose_id, action, count(*) from (" + actions("true") + ") a"
                        + " group by 1, 2, 3 order by 1, 2, 3",
                (row, n) -> new PurposeVolume(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)));
    }

    /** The newest signed checkpoint, when the audit schema has checkpoints and one was signed. */
    public Optional<Checkpoint> lastCheckpoint() {
        if (!columns.hasCheckpoints()) {
            return Optional.empty();
        }
        return jdbc.query("select id, last_entry_id, encode(last_hash, 'hex'), signed_at, key_id from audit_checkpoint"
                        + " order by last_entry_id desc, id desc limit 1",
                (row, n) -> new Checkpoint(row.getLong(1), row.getLong(2), row.getString(3),
                        row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5))).stream().findFirst();
    }

    public boolean checkpointsAvailable() {
        return columns.hasCheckpoints();
    }

    /**
     * Recipient, purpose, action and time of every disclosure-level row matching {@code condition} (which takes one
     * parameter, or none): entries without items as they are, entries with items once per item with the item's action.
     * The condition appears twice (once per kind of entry), so its parameter must be given twice.
     *
     * <p>A pushed delivery counts once, when the recipient acknowledged it ("push delivered"): its "push queued" entry
     * (the decision to send, written before anything left) and a "push dead-lettered" entry (nothing was acknowledged)
     * are in the log but are not counted, so a push is not counted twice and a failed one not as a disclosure
     * ({@link PushAudit#reachedRecipient}, here in SQL).
     */
    private static String actions(String condition) {
        String counted = condition + " and not (channel = 'PUSH' and (reason like '" + PushAudit.QUEUED
                + "%' or outcome = 'FAILED'))";
        String plain = "select recipient_id, purpose_id, action, occurred_at from audit_entry where " + counted;
        return plain + " and item_actions is null union all select recipient_id, purpose_id, a.action, occurred_at"
                + " from audit_entry cross join lateral unnest(item_actions) as a(action) where " + counted
                + " and item_actions is not null";
    }

    /**
     * The rows matching the criteria up to entry {@code maxId}, with an {@code item} column (the item's position in
     * its entry, null for an entry without items) to order by after the id: entries without items as they are,
     * entries with items one row per item (only the searched subject's items when a subject is searched).
     */
    private String rows(SearchCriteria criteria, List<Object> parameters, long maxId) {
        String plain = "select " + columns.selectList() + ", null::bigint as item from audit_entry"
                + where(criteria, parameters, "", maxId);
        return plain + " and item_subjects is null union all select " + ITEM_ROW + " from audit_entry e cross join"
                + " lateral unnest(e.item_subjects, e.item_delivery_ids, e.item_decision_ids, e.item_kinds,"
                + " e.item_record_ids, e.item_versions, e.item_actions, e.item_policy_ids, e.item_policy_versions,"
                + " e.item_fields) with ordinality as i(subject, delivery_id, decision_id, kind, record_id, version,"
                + " action, policy_id, policy_version, fields, n)" + where(criteria, parameters, "e.", maxId)
                + " and e.item_subjects is not null";
    }

    /** An item's row, in the column order of {@link AuditColumns#selectList()} plus {@code item}. */
    private static final String ITEM_ROW = "e.id, e.occurred_at, i.action, e.outcome, e.channel, e.recipient_id,"
            + " e.organisation, e.role, e.purpose_id, e.legal_basis, i.policy_id, i.policy_version, i.decision_id,"
            + " i.kind as record_kind, i.record_id, i.version as record_version, i.subject as subject_hash,"
            + " string_to_array(i.fields, ',') as fields, e.reason, e.trace_id::text as trace_id,"
            + " e.span_id::text as span_id, e.processing_activity::text as processing_activity,"
            + " e.acting_user::text as acting_user, e.on_behalf_of::text as on_behalf_of, i.n - 1 as item";

    /**
     * The conditions on the columns prefixed with {@code prefix} ("" for entries without items, "e." for the item
     * rows), ending with {@code id <= maxId}. A subject matches an entry's own subject, or for the item rows the
     * item's subject (found through the GIN index on the item subjects' keys, then the item itself).
     */
    private static String where(SearchCriteria criteria, List<Object> parameters, String prefix, long maxId) {
        List<String> conditions = new ArrayList<>();
        if (criteria.subjectHash() != null) {
            if (prefix.isEmpty()) {
                conditions.add("subject_hash = ?");
            } else {
                conditions.add(JdbcAuditLog.itemSubjectCondition("e.") + " and i.subject = ?");
                parameters.add(criteria.subjectHash());
                parameters.add(criteria.subjectHash());
            }
            parameters.add(criteria.subjectHash());
        }
        if (criteria.recipientId() != null) {
            conditions.add(prefix + "recipient_id = ?");
            parameters.add(criteria.recipientId());
        }
        if (criteria.purposeId() != null) {
            conditions.add(prefix + "purpose_id = ?");
            parameters.add(criteria.purposeId());
        }
        if (criteria.from() != null) {
            conditions.add(prefix + "occurred_at >= ?");
            parameters.add(utc(criteria.from()));
        }
        if (criteria.to() != null) {
            conditions.add(prefix + "occurred_at < ?");
            parameters.add(utc(criteria.to()));
        }
        conditions.add(prefix + "id <= ?");
        parameters.add(maxId);
        return " where " + String.join(" and ", conditions);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static DashboardEntry read(ResultSet row) throws SQLException {
        Array fields = row.getArray("fields");
        int version = row.getInt("record_version");
        Integer recordVersion = row.wasNull() ? null : version;
        return new DashboardEntry(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("action"), row.getString("outcome"), row.getString("channel"),
                row.getString("recipient_id"), row.getString("organisation"), row.getString("role"),
                row.getString("purpose_id"), row.getString("legal_basis"), row.getString("policy_id"),
                row.getString("policy_version"), row.getString("decision_id"), row.getString("record_kind"),
                row.getString("record_id"), recordVersion, row.getString("subject_hash"),
                fields == null ? null : Arrays.asList((String[]) fields.getArray()), row.getString("reason"),
                row.getString("trace_id"), row.getString("span_id"), row.getString("processing_activity"),
                row.getString("acting_user"), row.getString("on_behalf_of"));
    }
}
