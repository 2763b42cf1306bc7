package nl.verzuimhub.server.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox tables. Every method runs in the caller's transaction (the dispatcher's short transactions).
 *
 * <p>Lanes: {@link #claimLane} takes a recipient's lane with {@code FOR UPDATE SKIP LOCKED} and sets a lease; while
 * the lease holds, no other dispatcher claims the lane. Changes that matter for exactly-once bookkeeping
 * ({@link #markDelivered}) only succeed on a batch that is still PENDING, so a late second writer changes nothing.
 */
@Repository
class OutboxRepository {
    private final JdbcTemplate jdbc;

    OutboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void ensureLane(String recipientId) {
        jdbc.update("insert into outbox_lane (recipient_id) values (?) on conflict do nothing", recipientId);
    }

    /** Takes the lane when it is free, expired or already ours; false when another dispatcher holds it. */
    boolean claimLane(String recipientId, String owner, Instant now, Instant until) {
        List<String> locked = jdbc.queryForList("""
                select recipient_id from outbox_lane
                 where recipient_id = ? and (lease_owner is null or lease_until < ? or lease_owner = ?)
                   for update skip locked""", String.class, recipientId, Timestamp.from(now), owner);
        if (locked.isEmpty()) {
            return false;
        }
        jdbc.update("update outbox_lane set lease_owner = ?, lease_until = ? where recipient_id = ?", owner,
                Timestamp.from(until), recipientId);
        return true;
    }

    /** Extends our lease; false if we no longer hold it (it expired and another dispatcher took it). */
    boolean renewLane(String recipientId, String owner, Instant until) {
        return jdbc.update("update outbox_lane set lease_until = ? where recipient_id = ? and lease_owner = ?",
                Timestamp.from(until), recipientId, owner) == 1;
    }

    void releaseLane(String recipientId, String owner) {
        jdbc.update("update outbox_lane set lease_owner = null, lease_until = null"
                + " where recipient_id = ? and lease_owner = ?", recipientId, owner);
    }

    /** The recipient's oldest batch that is not delivered (pending or dead). */
    Optional<OutboxBatch> headBatch(String recipientId) {
        return jdbc.query("select " + OutboxBatch.COLUMNS + " from outbox_batch where recipient_id = ?"
                + " and status <> 'DELIVERED' order by id limit 1", OutboxBatch.MAPPER, recipientId).stream().findFirst();
    }

    /** Puts the recipient's oldest unbatched tasks (at most {@code size}) into a new batch with a new key. */
    Optional<OutboxBatch> formBatch(String recipientId, String connector, int size, Instant now) {
        List<Long> tasks = jdbc.queryForList("select delivery_id from outbox_task where recipient_id = ?"
                + " and batch_id is null order by delivery_id limit ?", Long.class, recipientId, size);
        if (tasks.isEmpty()) {
            return Optional.empty();
        }
        long batchId = jdbc.queryForObject("""
                insert into outbox_batch (recipient_id, connector, idempotency_key, status, next_attempt_at, created_at)
                values (?, ?, ?, 'PENDING', ?, ?) returning id""", Long.class, recipientId, connector,
                UUID.randomUUID().toString(), Timestamp.from(now), Timestamp.from(now));
        jdbc.update("update outbox_task set batch_id = ? where delivery_id = any(?)", batchId, tasks.toArray(Long[]::new));
        return batch(batchId);
    }

    Optional<OutboxBatch> batch(long id) {
        return jdbc.query("select " + OutboxBatch.COLUMNS + " from outbox_batch where id = ?", OutboxBatch.MAPPER, id)
                .stream().findFirst();
    }

    /** The batch's deliveries in feed order, including rows withdrawn since (the caller leaves those out). */
    List<OutboxDelivery> deliveries(long batchId) {
        return jdbc.query("select " + OutboxDelivery.COLUMNS + " from outbox_task t join delivery d on d.id = t.delivery_id"
                + " where t.batch_id = ? order by d.id", OutboxDelivery.MAPPER, batchId);
    }

    /** PENDING to DELIVERED; false if the batch was not pending (someone else recorded it first). */
    boolean markDelivered(long batchId, Instant now) {
        return jdbc.update("update outbox_batch set status = 'DELIVERED', delivered_at = ?, attempts = attempts + 1,"
                + " last_error = null where id = ? and status = 'PENDING'", Timestamp.from(now), batchId) == 1;
    }

    void markFailed(long batchId, String error, Instant nextAttempt) {
        jdbc.update("update outbox_batch set attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
                + " where id = ? and status = 'PENDING'", error, Timestamp.from(nextAttempt), batchId);
    }

    boolean markDead(long batchId, String error, Instant now) {
        return jdbc.update("update outbox_batch set status = 'DEAD', attempts = attempts + 1, last_error = ?,"
                + " dead_at = ? where id = ? and status = 'PENDING'", error, Timestamp.from(now), batchId) == 1;
    }

    /** DEAD to PENDING with a fresh attempt budget, due now; same items, same key. */
    boolean replay(long batchId, Instant now) {
        return jdbc.update("update outbox_batch set status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " dead_at = null where id = ? and status = 'DEAD'", Timestamp.from(now), batchId) == 1;
    }

    void recordAttempt(long batchId, int attempt, Instant at, String dispatcher, String outcome, String detail) {
        jdbc.update("insert into outbox_attempt (batch_id, attempt, attempted_at, dispatcher, outcome, detail)"
                + " values (?, ?, ?, ?, ?, ?)", batchId, attempt, Timestamp.from(at), dispatcher, outcome, detail);
    }

    List<OutboxBatch> deadLetters(String recipientId, long afterId, int limit) {
        return jdbc.query("select " + OutboxBatch.COLUMNS + " from outbox_batch where status = 'DEAD'"
                + " and (cast(? as text) is null or recipient_id = ?) and id > ? order by id limit ?", OutboxBatch.MAPPER,
                recipientId, recipientId, afterId, limit);
    }

    record Span(int items, long firstSequence, long lastSequence) {
    }

    Span span(long batchId) {
        return jdbc.queryForObject("select count(*), coalesce(min(delivery_id), 0), coalesce(max(delivery_id), 0)"
                + " from outbox_task where batch_id = ?", (row, n) -> new Span(row.getInt(1), row.getLong(2),
                row.getLong(3)), batchId);
    }

    /** Tasks of the recipient queued behind its oldest dead letter. */
    long waitingBehind(String recipientId, long batchId) {
        return jdbc.queryForObject("""
                select count(*) from outbox_task t left join outbox_batch b on b.id = t.batch_id
                 where t.recipient_id = ? and (t.batch_id is null or (b.id > ? and b.status <> 'DELIVERED'))""",
                Long.class, recipientId, batchId);
    }
}
