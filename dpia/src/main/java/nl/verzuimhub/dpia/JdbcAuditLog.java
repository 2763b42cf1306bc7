package nl.verzuimhub.dpia;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.postgresql.PGConnection;

/**
 * The audit log in PostgreSQL (tables {@code audit_entry}, partitioned by month, and {@code audit_chain_head}; see
 * {@code db/migration/V3__audit_log.sql} and {@code V40__audit_entry_v2_partitioned.sql}). Plain JDBC on a connection
 * the caller owns, so that an append joins the caller's transaction: the entries are durable exactly when that
 * transaction commits, and not before.
 *
 * <p>Contract for {@link #append}: call it inside a transaction (auto-commit off). It locks the chain head row, so
 * concurrent writers, in this process or another, append one after the other and the chain stays linear (one writer
 * at a time computes the SHA-256 chain, in this process); the lock is held until the caller commits or rolls back.
 * The entries of one call go to the database in one binary {@code COPY}, streamed in chunks while the rest are still
 * being chained, so a call costs a handful of round trips however many entries it holds. The month partitions the entries fall in are created when missing.
 */
public final class JdbcAuditLog {
    static final String COLUMNS = "id, occurred_at, action, outcome, channel, recipient_id, organisation, role,"
            + " purpose_id, legal_basis, policy_id, policy_version, decision_id, record_kind, record_id, record_version,"
            + " subject_hash, fields, reason, previous_hash, hash, hash_format, trace_id, span_id, processing_activity,"
            + " acting_user, on_behalf_of";
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;

    /** Chains and inserts the events in order, in the current hash format; returns them as stored. */
    public List<AuditEntry> append(Connection connection, List<AuditEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("audit entries must be appended inside a transaction");
        }
        long[] head = new long[1];
        byte[] lastHash = lockHead(connection, head);
        long lastId = head[0];
        ensurePartitions(connection, events);
        List<AuditEntry> entries = new ArrayList<>(events.size());
        BinaryCopyStream rows = startCopy(connection);
        try {
            AuditChain.Hasher chain = new AuditChain.Hasher();
            for (AuditEvent event : events) {
                long id = ++lastId;
                byte[] hash = chain.hash(AuditChain.CURRENT_FORMAT, lastHash, id, event);
                AuditEntry entry = new AuditEntry(id, event, lastHash, hash, AuditChain.CURRENT_FORMAT);
                encode(rows, entry);
                entries.add(entry);
                lastHash = hash;
            }
            rows.finish();
        } catch (SQLException | RuntimeException e) {
            rows.cancel();
            throw e;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update audit_chain_head set last_id = ?, last_hash = ? where id = 1")) {
            update.setLong(1, lastId);
            update.setBytes(2, lastHash);
            update.executeUpdate();
        }
        return entries;
    }

    /**
     * Creates the month partitions from {@code first} to {@code last} (inclusive) that do not exist yet, through the
     * database function {@code audit_ensure_partition} (which runs with the owner's rights).
     */
    public void ensurePartitions(Connection connection, YearMonth first, YearMonth last) throws SQLException {
        try (PreparedStatement ensure = connection.prepareStatement("select audit_ensure_partition(?)")) {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                ensure.setDate(1, Date.valueOf(month.atDay(1)));
                ensure.execute();
            }
        }
    }

    /** Entries matching the query, in id order. */
    public List<AuditEntry> find(Connection connection, AuditQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from audit_entry where id > ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(query.afterId());
        if (query.subjectHash() != null) {
            sql.append(" and subject_hash = ?");
            parameters.add(query.subjectHash());
        }
        if (query.recipientId() != null) {
            sql.append(" and recipient_id = ?");
            parameters.add(query.recipientId());
        }
        if (query.from() != null) {
            sql.append(" and occurred_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < ?");
            parameters.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        sql.append(" order by id limit ?");
        parameters.add(query.limit());
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(read(rows));
                }
            }
            return entries;
        }
    }

    /**
     * Streams the entries with ids in [{@code fromId}, {@code toId}] in id order to {@code sink}; returns how many.
     * Needs auto-commit off for PostgreSQL to stream.
     */
    public long stream(Connection connection, long fromId, long toId, Consumer<AuditEntry> sink) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from audit_entry where id between ? and ? order by id")) {
            select.setFetchSize(5_000);
            select.setLong(1, fromId);
            select.setLong(2, toId);
            return drain(select, sink);
        }
    }

    /**
     * Streams the entries of the period [{@code from}, {@code to}) (either may be null: open) in id order to
     * {@code sink}; returns how many. Needs auto-commit off for PostgreSQL to stream.
     */
    public long streamPeriod(Connection connection, java.time.Instant from, java.time.Instant to,
                             Consumer<AuditEntry> sink) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from audit_entry"
                + " where occurred_at >= coalesce(?, '-infinity'::timestamptz)"
                + " and occurred_at < coalesce(?, 'infinity'::timestamptz) order by id")) {
            select.setFetchSize(5_000);
            select.setObject(1, from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            select.setObject(2, to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            return drain(select, sink);
        }
    }

    /** Runs the query (fetch size already set) and hands each entry to {@code sink} in order; returns how many. */
    private static long drain(PreparedStatement select, Consumer<AuditEntry> sink) throws SQLException {
        long count = 0;
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sink.accept(read(rows));
                count++;
            }
        }
        return count;
    }

    /**
     * Recomputes the whole chain from the database and compares it with the chain head. Streams the entries, so
     * memory stays flat however long the log is. Needs auto-commit off for PostgreSQL to stream.
     */
    public VerificationResult verify(Connection connection) throws SQLException {
        return verify(connection, new ChainVerifier());
    }

    /** As {@link #verify(Connection)}, with a verifier that may hold signed checkpoints. */
    public VerificationResult verify(Connection connection, ChainVerifier verifier) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from audit_entry order by id")) {
            select.setFetchSize(5_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && verifier.accept(read(rows))) {
                    // keep reading until the chain breaks or the log ends
                }
            }
        }
        long[] head = new long[1];
        byte[] headHash = readHead(connection, head, false);
        return verifier.finish(head[0], headHash);
    }

    /** The chain head as the database records it: {@code [last id]} into {@code id}, the last hash returned. */
    public byte[] readHead(Connection connection, long[] id, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select last_id, last_hash from audit_chain_head where id = 1" + (lock ? " for update" : ""));
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("audit_chain_head has no row: the audit schema is not installed");
            }
            id[0] = row.getLong(1);
            return row.getBytes(2);
        }
    }

    private byte[] lockHead(Connection connection, long[] id) throws SQLException {
        return readHead(connection, id, true);
    }

    private void ensurePartitions(Connection connection, List<AuditEvent> events) throws SQLException {
        TreeSet<YearMonth> months = new TreeSet<>();
        for (AuditEvent event : events) {
            months.add(YearMonth.from(event.occurredAt().atOffset(ZoneOffset.UTC)));
        }
        for (YearMonth month : months) {
            ensurePartitions(connection, month, month);
        }
    }

    /** Starts the binary COPY of one append; its rows are sent while the rest are still being chained. */
    private static BinaryCopyStream startCopy(Connection connection) throws SQLException {
        return new BinaryCopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy audit_entry (" + COLUMNS + ") from stdin (format binary)"));
    }

    /** One row in the order of {@link #COLUMNS}. */
    private static void encode(BinaryCopyStream rows, AuditEntry entry) throws SQLException {
        AuditEvent e = entry.event();
        rows.row(COLUMN_COUNT).int8(entry.id()).timestamp(e.occurredAt()).text(e.action().name())
                .text(e.outcome().name()).text(e.channel() == null ? null : e.channel().name()).text(e.recipientId())
                .text(e.organisation()).text(e.role()).text(e.purposeId()).text(e.legalBasis()).text(e.policyId())
                .text(e.policyVersion()).text(e.decisionId()).text(e.recordKind()).text(e.recordId())
                .int4(e.recordVersion()).text(e.subjectHash()).textArray(e.fields()).text(e.reason())
                .bytes(entry.previousHash()).bytes(entry.hash()).int2(entry.format()).text(e.traceId())
                .text(e.spanId()).text(e.processingActivity()).text(e.actingUser()).text(e.onBehalfOf());
        rows.endRow();
    }

    /** Reads one row selected with {@link #COLUMNS}. */
    static AuditEntry read(ResultSet row) throws SQLException {
        Array fields = row.getArray("fields");
        int storedVersion = row.getInt("record_version");
        Integer version = row.wasNull() ? null : storedVersion;
        String channel = row.getString("channel");
        AuditEvent event = AuditEvent.builder(row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        AuditAction.valueOf(row.getString("action")), AuditOutcome.valueOf(row.getString("outcome")))
                .channel(channel == null ? null : AuditChannel.valueOf(channel))
                .recipientId(row.getString("recipient_id"))
                .organisation(row.getString("organisation"))
                .role(row.getString("role"))
                .purposeId(row.getString("purpose_id"))
                .legalBasis(row.getString("legal_basis"))
                .policyId(row.getString("policy_id"))
                .policyVersion(row.getString("policy_version"))
                .decisionId(row.getString("decision_id"))
                .recordKind(row.getString("record_kind"))
                .recordId(row.getString("record_id"))
                .recordVersion(version)
                .subjectHash(row.getString("subject_hash"))
                .fields(fields == null ? null : Arrays.asList((String[]) fields.getArray()))
                .reason(row.getString("reason"))
                .traceId(row.getString("trace_id"))
                .spanId(row.getString("span_id"))
                .processingActivity(row.getString("processing_activity"))
                .actingUser(row.getString("acting_user"))
                .onBehalfOf(row.getString("on_behalf_of"))
                .build();
        return new AuditEntry(row.getLong("id"), event, row.getBytes("previous_hash"), row.getBytes("hash"),
                row.getInt("hash_format"));
    }
}
