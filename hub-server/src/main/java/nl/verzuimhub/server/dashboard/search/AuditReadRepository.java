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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log ({@code audit_entry}) for the dashboard: searches, counts, and the statistics the charts,
 * anomalies and reports need. Read-only by construction: it has no statement that writes. Local days and hours are
 * those of {@link #ZONE}, the hub's users' time zone.
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
        String sql = "select " + columns.selectList() + " from audit_entry" + where(criteria, parameters)
                + " order by id limit ?";
        parameters.add(limit);
        return jdbc.query(sql, (row, n) -> read(row), parameters.toArray());
    }

    public long count(SearchCriteria criteria) {
        return count(criteria, Long.MAX_VALUE);
    }

    /** Matching entries with an id up to {@code maxId}. */
    public long count(SearchCriteria criteria, long maxId) {
        List<Object> parameters = new ArrayList<>();
        return jdbc.queryForObject("select count(*) from audit_entry" + where(criteria, parameters) + upTo(criteria,
                parameters, maxId), Long.class, parameters.toArray());
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
        String sql = "select " + columns.selectList() + " from audit_entry" + where(criteria, parameters)
                + upTo(criteria, parameters, maxId) + " order by id";
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
                        + " count(*) from audit_entry where occurred_at >= ? group by 1, 2, 3 order by 3",
                (row, n) -> new DailyCount(row.getString(1), row.getString(2), row.getObject(3, LocalDate.class),
                        row.getLong(4)), utc(from));
    }

    /** Entries per recipient, action and local hour since {@code from}. */
    public List<HourlyCount> hourlyCounts(Instant from) {
        return jdbc.query("select recipient_id, action, date_trunc('hour', occurred_at at time zone '" + ZONE
                        + "') as hour, count(*) from audit_entry where occurred_at >= ? group by 1, 2, 3 order by 3",
                (row, n) -> new HourlyCount(row.getString(1), row.getString(2),
                        row.getObject(3, LocalDateTime.class), row.getLong(4)), utc(from));
    }

    /** Subjects disclosed to at least {@code minRecipients} distinct recipients since {@code from}. */
    public List<SubjectSpread> subjectSpread(Instant from, int minRecipients) {
        return jdbc.query("select subject_hash, count(distinct recipient_id) from audit_entry where action = 'DISCLOSE'"
                        + " and subject_hash is not null and occurred_at >= ? group by 1"
                        + " having count(distinct recipient_id) >= ? order by 2 desc limit 100",
                (row, n) -> new SubjectSpread(row.getString(1), row.getLong(2)), utc(from), minRecipients);
    }

    /** Entries per recipient, purpose and action over the whole log: the register's and DPIA's volumes. */
    public List<PurposeVolume> purposeVolumes() {
        return jdbc.query("select recipient_id, purpose_id, action, count(*) from audit_entry group by 1, 2, 3"
                        + " order by 1, 2, 3",
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

    private static String where(SearchCriteria criteria, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (criteria.subjectHash() != null) {
            conditions.add("subject_hash = ?");
            parameters.add(criteria.subjectHash());
        }
        if (criteria.recipientId() != null) {
            conditions.add("recipient_id = ?");
            parameters.add(criteria.recipientId());
        }
        if (criteria.purposeId() != null) {
            conditions.add("purpose_id = ?");
            parameters.add(criteria.purposeId());
        }
        if (criteria.from() != null) {
            conditions.add("occurred_at >= ?");
            parameters.add(utc(criteria.from()));
        }
        if (criteria.to() != null) {
            conditions.add("occurred_at < ?");
            parameters.add(utc(criteria.to()));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static String upTo(SearchCriteria criteria, List<Object> parameters, long maxId) {
        parameters.add(maxId);
        return (parameters.size() == 1 ? " where" : " and") + " id <= ?";
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
