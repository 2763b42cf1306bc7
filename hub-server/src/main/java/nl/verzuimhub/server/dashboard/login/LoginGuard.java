package nl.verzuimhub.server.dashboard.login;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People's login state in table {@code person_login}, shared by every hub instance: one use per TOTP step, and a
 * lockout after too many consecutive failed logins.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #claimStep} succeeds only for a step strictly after the last step claimed for that person, atomically
 *       across instances (RFC 6238 section 5.2: a code seen by an onlooker cannot be replayed, nor can an older
 *       code within the drift window);</li>
 *   <li>{@link #recordFailure} counts consecutive failures; the {@code maxFailures}-th locks the person until
 *       {@code lockout} from now and starts the count again; {@link #recordSuccess} resets the count;</li>
 *   <li>callers pass only usernames of configured people, so a stranger's guesses create no rows.</li>
 * </ul>
 */
public class LoginGuard {
    private final JdbcTemplate jdbc;
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    public LoginGuard(JdbcTemplate jdbc, int maxFailures, Duration lockout, Clock clock) {
        if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("hub.dashboard.login.max-failures must be at least 1 and"
                    + " hub.dashboard.login.lockout positive");
        }
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    public boolean isLocked(String username) {
        List<Timestamp> until = jdbc.queryForList("select locked_until from person_login where username = ?",
                Timestamp.class, username);
        return !until.isEmpty() && until.get(0) != null && until.get(0).toInstant().isAfter(clock.instant());
    }

    /** True when {@code step} is later than any step {@code username} used before (and records it as used). */
    public boolean claimStep(String username, long step) {
        return jdbc.update("insert into person_login (username, last_totp_step, updated_at) values (?, ?, ?)"
                + " on conflict (username) do update set last_totp_step = excluded.last_totp_step,"
                + " updated_at = excluded.updated_at where person_login.last_totp_step is null"
                + " or person_login.last_totp_step < excluded.last_totp_step", username, step, now()) == 1;
    }

    /** Counts a failed login; true when this failure locked the person out. */
    public boolean recordFailure(String username) {
        Integer failures = jdbc.queryForObject("insert into person_login (username, failed_attempts, updated_at)"
                + " values (?, 1, ?) on conflict (username) do update set failed_attempts ="
                + " person_login.failed_attempts + 1, updated_at = excluded.updated_at returning failed_attempts",
                Integer.class, username, now());
        if (failures == null || failures < maxFailures) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.update("update person_login set failed_attempts = 0, locked_until = ?, updated_at = ? where username = ?",
                Timestamp.from(now.plus(lockout)), Timestamp.from(now), username);
        return true;
    }

    public void recordSuccess(String username) {
        jdbc.update("update person_login set failed_attempts = 0, updated_at = ? where username = ?"
                + " and failed_attempts <> 0", now(), username);
    }

    public int maxFailures() {
        return maxFailures;
    }

    public Duration lockout() {
        return lockout;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
