package nl.verzuimhub.server.dashboard.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stored snapshots of the policy-derived processing register ({@code processing_register_version}), one per policy
 * set version and content hash. Recording the same key twice keeps the first snapshot.
 */
@Repository
public class RegisterVersions {
    public record Version(String policyVersion, String contentHash, Instant firstSeenAt) {
    }

    private final JdbcTemplate jdbc;

    RegisterVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the snapshot unless this key is stored already; true when it was new. */
    public boolean record(String policyVersion, String contentHash, Instant at, String document) {
        return jdbc.update("insert into processing_register_version (policy_version, content_hash, first_seen_at,"
                        + " document) values (?, ?, ?, ?) on conflict do nothing", policyVersion, contentHash,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), document) == 1;
    }

    public List<Version> all() {
        return jdbc.query("select policy_version, content_hash, first_seen_at from processing_register_version"
                        + " order by first_seen_at desc", (row, n) -> new Version(row.getString(1), row.getString(2),
                row.getObject(3, OffsetDateTime.class).toInstant()));
    }

    public String document(String policyVersion, String contentHash) {
        return jdbc.query("select document from processing_register_version where policy_version = ? and"
                        + " content_hash = ?", (row, n) -> row.getString(1), policyVersion, contentHash)
                .stream().findFirst().orElse(null);
    }
}
