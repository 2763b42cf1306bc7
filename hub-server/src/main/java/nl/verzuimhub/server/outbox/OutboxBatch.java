package nl.verzuimhub.server.outbox;

import java.time.Instant;

/** A batch row: consecutive tasks of one recipient under one idempotency key. */
record OutboxBatch(long id, String recipientId, String connector, String idempotencyKey, String status, int attempts,
                   Instant nextAttemptAt, String lastError, Instant createdAt, Instant deadAt) {
    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String DEAD = "DEAD";

    static final String COLUMNS = "id, recipient_id, connector, idempotency_key, status, attempts, next_attempt_at,"
            + " last_error, created_at, dead_at";

    static final org.springframework.jdbc.core.RowMapper<OutboxBatch> MAPPER = (row, n) -> new OutboxBatch(
            row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getInt(6),
            row.getTimestamp(7).toInstant(), row.getString(8), row.getTimestamp(9).toInstant(),
            row.getTimestamp(10) == null ? null : row.getTimestamp(10).toInstant());
}
