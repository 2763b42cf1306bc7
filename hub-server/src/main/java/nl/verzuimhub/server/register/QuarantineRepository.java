package nl.verzuimhub.server.register;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import nl.verzuimhub.core.port.QuarantinedPage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Refused register pages (table {@code register_quarantine}); the same page served again is counted once more. */
@Repository
class QuarantineRepository {
    private final JdbcTemplate jdbc;

    QuarantineRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the quarantine id of the page. */
    long keep(QuarantinedPage page) {
        Timestamp seen = Timestamp.from(page.receivedAt());
        return jdbc.queryForObject("""
                insert into register_quarantine (requested_from, first_seen_at, last_seen_at, reason, body_sha256, body)
                values (?, ?, ?, ?, ?, ?)
                on conflict (body_sha256) do update
                   set times_seen = register_quarantine.times_seen + 1, last_seen_at = excluded.last_seen_at
                returning id""", Long.class,
                page.requestedFrom(), seen, seen, page.reason(), sha256(page.body()), page.body());
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
