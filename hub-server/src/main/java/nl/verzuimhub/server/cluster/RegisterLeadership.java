package nl.verzuimhub.server.cluster;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which instance polls the register: the holder of the lease in {@code register_leadership} (V90). One instance
 * holds it at a time; it renews it well before it runs out ({@link #claim} every third of the lease); when the holder
 * stops renewing (it died or hangs), any other instance takes it over once {@code lease_until} has passed, by the
 * database's clock.
 *
 * <p>Contract: {@link #isLeader} is this instance's own view (a claim succeeded less than a lease ago) and only
 * decides whether to poll; what makes the single writer certain is {@link #fence}, called inside each ingest
 * transaction: it fails unless this instance holds an unexpired lease, and it share-locks the row until that
 * transaction ends, so no other instance can take the lease over while a page is being stored. A page stored by an
 * instance that lost the lease therefore rolls back, and ingest transactions of two instances never overlap.
 *
 * <p>That single writer is what keeps delivery ids in commit order, which the pull feed (paging by id) and the outbox
 * (batching by id) rely on. Any writer of delivery rows outside the ingest transaction must call {@link #fence} in its
 * transaction too (docs/scale-out.md).
 */
public final class RegisterLeadership {
    private static final Logger log = LoggerFactory.getLogger(RegisterLeadership.class);

    private final JdbcTemplate jdbc;
    private final Duration lease;
    private final String owner;
    private volatile long leaderUntilNanos;
    private volatile boolean leader;

    public RegisterLeadership(JdbcTemplate jdbc, Duration lease) {
        if (lease == null || lease.toMillis() < 300) {
            throw new IllegalStateException("hub.cluster.register-lease must be at least 300ms, was " + lease);
        }
        this.jdbc = jdbc;
        this.lease = lease;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    /**
     * Takes or renews the lease: succeeds when the lease is free, ran out, or is already ours. Returns whether this
     * instance is now the leader. A database failure counts as not being the leader.
     */
    public boolean claim() {
        long started = System.nanoTime();
        boolean won;
        try {
            won = jdbc.update("""
                    update register_leadership
                       set holder = ?, lease_until = now() + make_interval(secs => ?),
                           term = case when holder = ? then term else term + 1 end,
                           acquired_at = case when holder = ? then acquired_at else now() end
                     where id = 1 and (holder is null or holder = ? or lease_until < now())""",
                    owner, lease.toMillis() / 1000.0, owner, owner, owner) == 1;
        } catch (RuntimeException e) {
            log.warn("Register leadership could not be renewed: {}", e.getClass().getSimpleName());
            won = false;
        }
        if (won) {
            leaderUntilNanos = started + lease.toNanos();
        }
        if (won != leader) {
            log.info(won ? "This instance ({}) now polls the register" : "This instance ({}) no longer polls the register",
                    owner);
        }
        leader = won;
        return won;
    }

    /** Gives the lease up (on an orderly stop), so another instance takes over at its next claim. */
    public void release() {
        leader = false;
        jdbc.update("update register_leadership set holder = null, lease_until = null where id = 1 and holder = ?",
                owner);
    }

    /** This instance's view: it may poll. Ends by itself a lease after the last successful claim. */
    public boolean isLeader() {
        return leader && System.nanoTime() - leaderUntilNanos < 0;
    }

    public boolean isFollower() {
        return !isLeader();
    }

    /**
     * Inside the caller's transaction: fails with {@link NotLeaderException} unless this instance holds an unexpired
     * lease, and keeps the lease row share-locked (neither renewed nor taken over) until the transaction ends.
     */
    public void fence() {
        List<Long> term = jdbc.queryForList("select term from register_leadership where id = 1 and holder = ?"
                + " and lease_until > clock_timestamp() for share", Long.class, owner);
        if (term.isEmpty()) {
            leader = false;
            throw new NotLeaderException();
        }
    }

    /** The instance that holds an unexpired lease (its {@link #owner}), or null: for operators. */
    public String holder() {
        List<String> holder = jdbc.queryForList("select holder from register_leadership where id = 1"
                + " and lease_until > clock_timestamp()", String.class);
        return holder.isEmpty() ? null : holder.get(0);
    }

    /** This instance's name in {@code register_leadership.holder}. */
    public String owner() {
        return owner;
    }

    public Duration lease() {
        return lease;
    }

    /** An ingest by an instance that does not (or no longer) hold the register lease; its transaction rolls back. */
    public static final class NotLeaderException extends IllegalStateException {
        NotLeaderException() {
            super("this instance does not hold the register lease; another instance polls the register");
        }
    }
}
