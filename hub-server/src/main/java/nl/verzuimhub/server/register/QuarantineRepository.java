package nl.verzuimhub.server.register;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.verzuimhub.core.port.QuarantinedPage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Refused register pages (table {@code register_quarantine}). The same page (position and content) refused again
 * counts as one more attempt of the same row and reopens it; a row is resolved once a page at its position or later
 * is stored. The body is stored for forensics but never read back by this class: it holds personal data.
 */
@Repository
class QuarantineRepository {
    private static final String COLUMNS = "id, requested_from, first_seen_at, last_seen_at, times_seen, reason, size_bytes,"
            + " body is not null as body_kept, body_sha256, resolved_at";

    private final JdbcTemplate jdbc;

    QuarantineRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What {@link #keep} did.
     *
     * @param opened   true when this made a quarantine open: a new page, or one resolved earlier and refused again
     *                 (false when the same page was already open: just one more attempt)
     * @param attempts how many times this page has now been refused
     */
    record Kept(long id, boolean opened, int attempts) {
    }

    Kept keep(QuarantinedPage page) {
        Timestamp seen = Timestamp.from(page.receivedAt());
        boolean kept = page.body().length > 0 || page.sizeBytes() == 0;
        String sha256 = sha256(page.body());
        return jdbc.queryForObject("""
                with before as (select resolved_at is null as was_open from register_quarantine
                                 where requested_from = ? and body_sha256 = ?)
                insert into register_quarantine (requested_from, first_seen_at, last_seen_at, reason, body_sha256, body,
                                                 size_bytes)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (requested_from, body_sha256) do update
                   set times_seen = register_quarantine.times_seen + 1, last_seen_at = excluded.last_seen_at,
                       reason = excluded.reason, size_bytes = excluded.size_bytes, resolved_at = null
                returning id, times_seen, coalesce((select was_open from before), false) as was_open""",
                (row, index) -> new Kept(row.getLong("id"), !row.getBoolean("was_open"), row.getInt("times_seen")),
                page.requestedFrom(), sha256, page.requestedFrom(), seen, seen, page.reason(), sha256,
                kept ? page.body() : null, page.sizeBytes());
    }

    /** Marks every open row at {@code requestedFrom} or before as resolved; returns how many. */
    int resolveUpTo(long requestedFrom, Instant now) {
        return jdbc.update("update register_quarantine set resolved_at = ? where resolved_at is null and requested_from <= ?",
                Timestamp.from(now), requestedFrom);
    }

    /** The newest {@code limit} rows, open ones only when asked. */
    List<QuarantineEntry> list(boolean openOnly, int limit) {
        return jdbc.query("select " + COLUMNS + " from register_quarantine"
                + (openOnly ? " where resolved_at is null" : "") + " order by id desc limit ?", QuarantineRepository::entry, limit);
    }

    Optional<QuarantineEntry> find(long id) {
        return jdbc.query("select " + COLUMNS + " from register_quarantine where id = ?", QuarantineRepository::entry, id)
                .stream().findFirst();
    }

    long countOpen() {
        Long open = jdbc.queryForObject("select count(*) from register_quarantine where resolved_at is null", Long.class);
        return open == null ? 0 : open;
    }

    private static QuarantineEntry entry(ResultSet row, int index) throws SQLException {
        Timestamp resolved = row.getTimestamp("resolved_at");
        return new QuarantineEntry(row.getLong("id"), row.getLong("requested_from"),
                row.getTimestamp("first_seen_at").toInstant(), row.getTimestamp("last_seen_at").toInstant(),
                row.getString("reason"), row.getLong("size_bytes"), row.getInt("times_seen"),
                resolved == null ? QuarantineEntry.OPEN : QuarantineEntry.RESOLVED, resolved == null ? null : resolved.toInstant(), row.getBoolean("body_kept"), row.getString("body_sha256"));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
