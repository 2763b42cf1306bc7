package nl.verzuimhub.server.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code report_plausibility_flag} (V71): one row per problem per report version. */
@Repository
class PlausibilityFlagRepository {
    private final JdbcTemplate jdbc;

    PlausibilityFlagRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored flag as the operator endpoint shows it. */
    record StoredFlag(String recordId, int version, String problem, String detail, Instant flaggedAt) {
    }

    /** Stores the flags of report versions in one batch; a flag already stored for that version stays as it was. */
    void add(List<ReportChecks.Flagged> flagged, Instant now) {
        List<Object[]> rows = flagged.stream().flatMap(report -> report.flags().stream().map(flag -> new Object[] {
            report.recordId(), report.version(), flag.problem().name(), flag.detail(), Timestamp.from(now)})).toList();
        jdbc.batchUpdate("""
                insert into report_plausibility_flag (record_id, version, problem, detail, flagged_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""", rows);
    }

    /** The newest flags first, at most {@code limit}; only {@code recordId}'s when it is not null. */
    List<StoredFlag> recent(String recordId, int limit) {
        return jdbc.query("""
                select record_id, version, problem, detail, flagged_at from report_plausibility_flag
                 where cast(? as text) is null or record_id = ?
                 order by flagged_at desc, record_id, version, problem limit ?""",
                (row, n) -> new StoredFlag(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant()),
                recordId, recordId, limit);
    }
}
