package nl.verzuimhub.dpia;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audit log in PostgreSQL (tables {@code audit_entry} and {@code audit_chain_head}, see
 * {@code db/migration/V3__audit_log.sql}). Plain JDBC on a connection the caller owns, so that an append joins the
 * caller's transaction: the entries are durable exactly when that transaction commits, and not before.
 *
 * <p>Contract for {@link #append}: call it inside a transaction (auto-commit off). It locks the chain head row, so
 * concurrent writers, in this process or another, append one after the other and the chain stays linear; the lock
 * is held until the caller commits or rolls back.
 */
public final class JdbcAuditLog {
    private static final String COLUMNS = "id, occurred_at, action, outcome, channel, recipient_id, organisation, role,"
            + " purpose_id, legal_basis, policy_id, policy_version, decision_id, record_kind, record_id, record_version,"
            + " subject_hash, fields, reason, previous_hash, hash";

    /** Chains and inserts the events in order; returns them as stored. */
    public List<AuditEntry> append(Connection connection, List<AuditEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("audit entries must be appended inside a transaction");
        }
        long lastId;
        byte[] lastHash;
        try (PreparedStatement head = connection.prepareStatement(
                "select last_id, last_hash from audit_chain_head where id = 1 for update");
             ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("audit_chain_head has no row: the audit schema is not installed");
            }
            lastId = row.getLong(1);
            lastHash = row.getBytes(2);
        }
        List<AuditEntry> entries = new ArrayList<>(events.size());
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_entry (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEvent event : events) {
                long id = ++lastId;
                byte[] hash = AuditChain.hash(lastHash, id, event);
                AuditEntry entry = new AuditEntry(id, event, lastHash, hash);
                bind(connection, insert, entry);
                insert.addBatch();
                entries.add(entry);
                lastHash = hash;
            }
            insert.executeBatch();
        }
        try (PreparedStatement head = connection.prepareStatement(
                "update audit_chain_head set last_id = ?, last_hash = ? where id = 1")) {
            head.setLong(1, lastId);
            head.setBytes(2, lastHash);
            head.executeUpdate();
        }
        return entries;
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
     * Recomputes the whole chain from the database and compares it with the chain head. Streams the entries, so
     * memory stays flat however long the log is. Needs auto-commit off for PostgreSQL to stream.
     */
    public VerificationResult verify(Connection connection) throws SQLException {
        ChainVerifier verifier = new ChainVerifier();
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from audit_entry order by id")) {
            select.setFetchSize(5_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && verifier.accept(read(rows))) {
                    // keep reading until the chain breaks or the log ends
                }
            }
        }
        try (PreparedStatement head = connection.prepareStatement(
                "select last_id, last_hash from audit_chain_head where id = 1");
             ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("audit_chain_head has no row: the audit schema is not installed");
            }
            return verifier.finish(row.getLong(1), row.getBytes(2));
        }
    }

    private static void bind(Connection connection, PreparedStatement insert, AuditEntry entry) throws SQLException {
        AuditEvent e = entry.event();
        insert.setLong(1, entry.id());
        insert.setObject(2, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        insert.setString(3, e.action().name());
        insert.setString(4, e.outcome().name());
        insert.setString(5, e.channel() == null ? null : e.channel().name());
        insert.setString(6, e.recipientId());
        insert.setString(7, e.organisation());
        insert.setString(8, e.role());
        insert.setString(9, e.purposeId());
        insert.setString(10, e.legalBasis());
        insert.setString(11, e.policyId());
        insert.setString(12, e.policyVersion());
        insert.setString(13, e.decisionId());
        insert.setString(14, e.recordKind());
        insert.setString(15, e.recordId());
        if (e.recordVersion() == null) {
            insert.setNull(16, Types.INTEGER);
        } else {
            insert.setInt(16, e.recordVersion());
        }
        insert.setString(17, e.subjectHash());
        if (e.fields() == null) {
            insert.setNull(18, Types.ARRAY);
        } else {
            insert.setArray(18, connection.createArrayOf("text", e.fields().toArray()));
        }
        insert.setString(19, e.reason());
        insert.setBytes(20, entry.previousHash());
        insert.setBytes(21, entry.hash());
    }

    private static AuditEntry read(ResultSet row) throws SQLException {
        Array fields = row.getArray("fields");
        int storedVersion = row.getInt("record_version");
        Integer version = row.wasNull() ? null : storedVersion;
        String channel = row.getString("channel");
        AuditEvent event = new AuditEvent(
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                AuditAction.valueOf(row.getString("action")),
                AuditOutcome.valueOf(row.getString("outcome")),
                channel == null ? null : AuditChannel.valueOf(channel),
                row.getString("recipient_id"),
                row.getString("organisation"),
                row.getString("role"),
                row.getString("purpose_id"),
                row.getString("legal_basis"),
                row.getString("policy_id"),
                row.getString("policy_version"),
                row.getString("decision_id"),
                row.getString("record_kind"),
                row.getString("record_id"),
                version,
                row.getString("subject_hash"),
                fields == null ? null : Arrays.asList((String[]) fields.getArray()),
                row.getString("reason"));
        return new AuditEntry(row.getLong("id"), event, row.getBytes("previous_hash"), row.getBytes("hash"));
    }
}
