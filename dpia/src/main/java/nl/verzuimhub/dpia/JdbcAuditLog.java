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
            + " acting_user, on_behalf_of, item_subjects, item_delivery_ids, item_decision_ids, item_kinds,"
            + " item_record_ids, item_versions, item_actions, item_policy_ids, item_policy_versions, item_fields";
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;

    /**
     * Chains and inserts the events in order, each in the format it is appended in ({@link AuditEvent#appendFormat}:
     * 3 for an event with items, 2 otherwise); returns them as stored.
     */
    public List<AuditEntry> append(Connection connection, List<AuditEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("audit entries must be appended inside a transaction");
        }
        TreeSet<YearMonth> months = months(events);
        long[] head = new long[1];
        byte[] lastHash = lockHeadEnsuring(connection, months.pollFirst(), head);
        long lastId = head[0];
        for (YearMonth month : months) {
            ensurePartitions(connection, month, month);
        }
        List<AuditEntry> entries = new ArrayList<>(events.size());
        BinaryCopyStream rows = startCopy(connection);
        try {
            AuditChain.Hasher chain = new AuditChain.Hasher();
            for (AuditEvent event : events) {
                long id = ++lastId;
                int format = event.appendFormat();
                byte[] hash = chain.hash(format, lastHash, id, event);
                AuditEntry entry = new AuditEntry(id, event, lastHash, hash, format);
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

    /**
     * Entries matching the query, in id order. With a subject, an entry matches when it is about that subject or
     * holds an item about it; such an entry is returned whole (with every item: it is what was chained), so a caller
     * that shows entries to or about one subject must narrow it with {@link AuditEvent#forSubject}.
     */
    public List<AuditEntry> find(Connection connection, AuditQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from audit_entry where id > ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(query.afterId());
        if (query.subjectHash() != null) {
            // two branches so each uses its own index: the hash index on subject_hash, the GIN on the item subjects
            sql.append(" and (subject_hash = ? or ").append(itemSubjectCondition("")).append(")");
            parameters.add(query.subjectHash());
            parameters.add(query.subjectHash());
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
     * The SQL condition "one of the entry's items is about subject ?", on the entry's columns prefixed with
     * {@code prefix} ("" or an alias and a dot). It takes the subject hash <b>twice</b>: first for the 64-bit subject
     * keys that the GIN index holds ({@code V95__audit_item_subject_keys.sql}), then for the subject itself, since two
     * subjects may share a key.
     */
    public static String itemSubjectCondition(String prefix) {
        return "(audit_subject_keys(" + prefix + "item_subjects) @> audit_subject_keys(array[?]::text[]) and "
                + prefix + "item_subjects @> array[?]::text[])";
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

    /**
     * Locks the chain head and reads it ({@code [last id]} into {@code id}, the last hash returned), and makes sure the
     * partition of {@code month} exists, in one round trip.
     */
    private static byte[] lockHeadEnsuring(Connection connection, YearMonth month, long[] id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select last_id, last_hash,"
                + " audit_ensure_partition(?) from audit_chain_head where id = 1 for update")) {
            select.setDate(1, Date.valueOf(month.atDay(1)));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("audit_chain_head has no row: the audit schema is not installed");
                }
                id[0] = row.getLong(1);
                return row.getBytes(2);
            }
        }
    }

    private static TreeSet<YearMonth> months(List<AuditEvent> events) {
        TreeSet<YearMonth> months = new TreeSet<>();
        for (AuditEvent event : events) {
            months.add(YearMonth.from(event.occurredAt().atOffset(ZoneOffset.UTC)));
        }
        return months;
    }

    /** Starts the binary COPY of one append; its rows are sent while the rest are still being chained. */
    private static BinaryCopyStream startCopy(Connection connection) throws SQLException {
        return BinaryCopyStream.start(connection, "audit_entry", COLUMNS);
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
        encodeItems(rows, e.items());
        rows.endRow();
    }

    /** The ten {@code item_*} columns: one array per item part, element i for item i; all null without items. */
    private static void encodeItems(BinaryCopyStream rows, List<AuditItem> items) {
        if (items == null) {
            for (int i = 0; i < 10; i++) {
                rows.text(null);
            }
            return;
        }
        int n = items.size();
        List<String> subjects = new ArrayList<>(n);
        long[] deliveryIds = new long[n];
        List<String> decisionIds = new ArrayList<>(n);
        List<String> kinds = new ArrayList<>(n);
        List<String> recordIds = new ArrayList<>(n);
        int[] versions = new int[n];
        List<String> actions = new ArrayList<>(n);
        List<String> policyIds = new ArrayList<>(n);
        List<String> policyVersions = new ArrayList<>(n);
        List<String> fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AuditItem item = items.get(i);
            subjects.add(item.subjectHash());
            deliveryIds[i] = item.deliveryId();
            decisionIds.add(item.decisionId());
            kinds.add(item.recordKind());
            recordIds.add(item.recordId());
            versions[i] = item.recordVersion();
            actions.add(item.action().name());
            policyIds.add(item.policyId());
            policyVersions.add(item.policyVersion());
            fields.add(item.joinedFields());
        }
        rows.textArray(subjects).int8Array(deliveryIds).textArray(decisionIds).textArray(kinds).textArray(recordIds)
                .int4Array(versions).textArray(actions).textArray(policyIds).textArray(policyVersions)
                .textArray(fields);
    }

    /**
     * The items of a row (null when it has none). Item arrays of different lengths (a tampered row) are read to the
     * longest, a missing element read as an empty string, 0 or DISCLOSE: the items read then differ from the ones
     * chained, so the recomputed hash differs from the stored one and a verifier reports the entry, instead of this
     * method failing or silently ignoring a subject added to {@code item_subjects} alone.
     */
    static List<AuditItem> readItems(ResultSet row) throws SQLException {
        Object[] subjects = array(row, "item_subjects");
        if (subjects == null) {
            return null;
        }
        Object[][] parts = {subjects, array(row, "item_delivery_ids"), array(row, "item_decision_ids"),
                array(row, "item_kinds"), array(row, "item_record_ids"), array(row, "item_versions"),
                array(row, "item_actions"), array(row, "item_policy_ids"), array(row, "item_policy_versions"),
                array(row, "item_fields")};
        int count = 0;
        for (Object[] part : parts) {
            count = Math.max(count, part == null ? 0 : part.length);
        }
        List<AuditItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(new AuditItem(((Number) at(parts[1], i, 0L)).longValue(), (String) at(parts[2], i, ""),
                    (String) at(parts[3], i, ""), (String) at(parts[4], i, ""),
                    ((Number) at(parts[5], i, 0)).intValue(), AuditAction.valueOf((String) at(parts[6], i, "DISCLOSE")),
                    (String) at(parts[0], i, ""), (String) at(parts[7], i, null), (String) at(parts[8], i, ""),
                    AuditItem.splitFields((String) at(parts[9], i, ""))));
        }
        return items;
    }

    private static Object[] array(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? null : (Object[]) array.getArray();
    }

    private static Object at(Object[] values, int i, Object missing) {
        return values == null || i >= values.length || values[i] == null ? missing : values[i];
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
                .items(readItems(row))
                .build();
        return new AuditEntry(row.getLong("id"), event, row.getBytes("previous_hash"), row.getBytes("hash"),
                row.getInt("hash_format"));
    }
}
