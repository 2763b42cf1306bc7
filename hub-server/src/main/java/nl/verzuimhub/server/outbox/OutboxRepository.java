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
    /**
     * Moves a recipient's oldest queued tasks into a new batch: parameters recipient, size, recipient, connector,
     * idempotency key, next attempt, created; returns the new batch's row ({@link OutboxBatch#COLUMNS}), or no row
     * when nothing was queued.
     */
    static final String FORM_BATCH = """
                with taken as (
                    delete from outbox_task where delivery_id = any(array(
                        select delivery_id from outbox_task where recipient_id = ? order by delivery_id limit ?
                           for update))
                    returning delivery_id)
                insert into outbox_batch (recipient_id, connector, idempotency_key, status, next_attempt_at, created_at,
                                          delivery_ids)
                select ?, ?, ?, 'PENDING', ?, ?, array_agg(delivery_id order by delivery_id) from taken
                having count(*) > 0
                returning\s""" + OutboxBatch.COLUMNS;

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

    /**
     * Moves the recipient's oldest queued tasks (at most {@code size}) into a new batch with a new key, in one
     * statement: the tasks leave {@code outbox_task}, the batch holds their delivery ids in ascending order.
     */
    Optional<OutboxBatch> formBatch(String recipientId, String connector, int size, Instant now) {
        // outbox_task is a queue: its statistics say "almost empty" after each vacuum, while between vacuums its heap
        // and indexes hold every task batched since. PostgreSQL then chose sequential scans of that heap (a national
        // year at 1,578 instead of 2,235 mutations/s), and with those off, a semi-join that walked the whole primary
        // key for each batch (1,809 /s). Hence: no sequential scans, and the tasks deleted by their ids (= any(array),
        // a primary-key lookup each) rather than "in (subquery)". The setting lasts until the caller's (short)
        // transaction ends; its other statements find their rows by key as well.
        jdbc.execute("set local enable_seqscan = off");
        return jdbc.query(FORM_BATCH, OutboxBatch.MAPPER, recipientId, size, recipientId, connector,
                UUID.randomUUID().toString(), Timestamp.from(now), Timestamp.from(now)).stream().findFirst();
    }

    Optional<OutboxBatch> batch(long id) {
        return jdbc.query("select " + OutboxBatch.COLUMNS + " from outbox_batch where id = ?", OutboxBatch.MAPPER, id)
                .stream().findFirst();
    }

    /** The batch's deliveries in feed order, including rows withdrawn since (the caller leaves those out). */
    List<OutboxDelivery> deliveries(long batchId) {
        return jdbc.query("select " + OutboxDelivery.COLUMNS + " from outbox_batch b"
                + " cross join unnest(b.delivery_ids) as t(delivery_id) join delivery d on d.id = t.delivery_id"
                + " where b.id = ? order by d.id", OutboxDelivery.MAPPER, batchId);
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
        return jdbc.queryForObject("select cardinality(delivery_ids), coalesce(delivery_ids[1], 0),"
                + " coalesce(delivery_ids[cardinality(delivery_ids)], 0) from outbox_batch where id = ?",
                (row, n) -> new Span(row.getInt(1), row.getLong(2), row.getLong(3)), batchId);
    }

    /** Tasks of the recipient queued behind its oldest dead letter. */
    long waitingBehind(String recipientId, long batchId) {
        return jdbc.queryForObject("""
                select (select count(*) from outbox_task where recipient_id = ?)
                     + (select coalesce(sum(cardinality(delivery_ids)), 0) from outbox_batch
                         where recipient_id = ? and id > ? and status <> 'DELIVERED')""",
                Long.class, recipientId, recipientId, batchId);
    }
}
