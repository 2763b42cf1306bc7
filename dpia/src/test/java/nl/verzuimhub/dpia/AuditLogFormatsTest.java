package nl.verzuimhub.dpia;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hash formats 1 and 2, the migration of a version-1 log, and month partitions made on demand. */
class AuditLogFormatsTest {
    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    final JdbcAuditLog log = new JdbcAuditLog();
    final SubjectHasher hasher = new SubjectHasher("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void formatOneEntriesWrittenBeforeTheMigrationKeepVerifyingNextToFormatTwo() throws Exception {
        AuditSchema.reset(dataSource);
        AuditSchema.migrate(dataSource, "V3__audit_log.sql");
        AuditEvent old1 = oldEvent("leerplicht-0363", Instant.parse("2026-10-15T08:00:00Z"));
        AuditEvent old2 = oldEvent("swv-vo2701", Instant.parse("2026-10-16T08:00:00Z"));
        byte[] hash1 = AuditChain.hash(1, AuditChain.GENESIS, 1, old1);
        byte[] hash2 = AuditChain.hash(1, hash1, 2, old2);
        insertVersionOneRow(1, old1, AuditChain.GENESIS, hash1);
        insertVersionOneRow(2, old2, hash1, hash2);
        sql("update audit_chain_head set last_id = 2, last_hash = decode('" + hex(hash2) + "', 'hex')");

        AuditSchema.migrate(dataSource, // every migration after V3
                Arrays.copyOfRange(AuditSchema.MIGRATIONS, 1, AuditSchema.MIGRATIONS.length));
        AuditEvent fresh = newEvent(Instant.parse("2026-11-22T10:00:00Z"));
        append(fresh);

        assertThat(verify()).isEqualTo(new VerificationResult(true, 3, null, null));
        List<AuditEntry> all = find(new AuditQuery(null, null, null, null, 0, 10));
        assertThat(all).extracting(AuditEntry::format).containsExactly(1, 1, 2);
        assertThat(all.get(0).event()).isEqualTo(old1);
        assertThat(all.get(2).event()).isEqualTo(fresh);
        assertThat(all.get(2).previousHash()).isEqualTo(hash2);
    }

    @Test
    void theNewPartsAreCoveredByTheHash() throws Exception {
        AuditSchema.install(dataSource);
        append(newEvent(Instant.parse("2026-11-22T10:00:00Z")), newEvent(Instant.parse("2026-11-22T10:00:01Z")));
        tamper("update audit_entry set on_behalf_of = 'someone-else' where id = 1");
        assertThat(verify().firstInvalid()).isEqualTo(1L);
    }

    @Test
    void anEntryInAMonthWithoutPartitionGetsOneAndVerifies() throws Exception {
        AuditSchema.install(dataSource);
        assertThat(partitionExists("audit_entry_2031_03")).isFalse();
        append(newEvent(Instant.parse("2026-11-30T23:59:59.999999Z")), newEvent(Instant.parse("2031-03-01T00:00:00Z")));
        assertThat(partitionExists("audit_entry_2031_03")).isTrue();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var row = s.executeQuery("select tableoid::regclass::text from audit_entry where id = 2")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("audit_entry_2031_03");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var row = s.executeQuery("select tableoid::regclass::text from audit_entry where id = 1")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("audit_entry_2026_11");
        }
        assertThat(verify()).isEqualTo(new VerificationResult(true, 2, null, null));
    }

    @Test
    void aPartitionRefusesUpdateDeleteAndTruncateToo() throws Exception {
        AuditSchema.install(dataSource);
        append(newEvent(Instant.parse("2031-04-02T00:00:00Z")));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("truncate audit_entry_2031_04"))
                    .hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("delete from audit_entry_2031_04"))
                    .hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> s.execute("update audit_chain_head set last_id = 0")).hasMessageContaining("forward");
        }
    }

    @Test
    void theCanonicalFormReadsBackInBothFormats() {
        AuditEvent event = newEvent(Instant.parse("2026-11-22T10:00:00.123456Z"));
        AuditChain.Decoded two = AuditChain.decode(AuditChain.canonical(2, 42, event));
        assertThat(two).isEqualTo(new AuditChain.Decoded(2, 42, event));
        AuditChain.Decoded one = AuditChain.decode(AuditChain.canonical(1, 7, event));
        assertThat(one.event()).isEqualTo(event.toBuilder().trace(null).processingActivity(null).actingUser(null)
                .onBehalfOf(null).build());
    }

    @Test
    void theBuilderAndTheEighteenPartConstructorMakeTheSameEvent() {
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        AuditEvent old = oldEvent("leerplicht-0363", at);
        AuditEvent built = AuditEvent.builder(at, AuditAction.DISCLOSE, AuditOutcome.SUCCESS).channel(AuditChannel.FEED)
                .recipientId("leerplicht-0363").organisation("0363").role("ATTENDANCE_OFFICER").purposeId("leerplicht")
                .legalBasis("Leerplichtwet 1969 art. 21a").policyId("rule").policyVersion("v1").decisionId("d-1")
                .recordKind("VERZUIMMELDING").recordId("VM-1").recordVersion(2).subjectHash(hasher.hash("111222333"))
                .fields(List.of("bsn")).build();
        assertThat(built).isEqualTo(old);
        assertThat(old.toBuilder().build()).isEqualTo(old);
    }

    private AuditEvent oldEvent(String recipient, Instant at) {
        return new AuditEvent(at, AuditAction.DISCLOSE, AuditOutcome.SUCCESS, AuditChannel.FEED, recipient, "0363",
                "ATTENDANCE_OFFICER", "leerplicht", "Leerplichtwet 1969 art. 21a", "rule", "v1", "d-1",
                "VERZUIMMELDING", "VM-1", 2, hasher.hash("111222333"), List.of("bsn"), null);
    }

    private AuditEvent newEvent(Instant at) {
        return oldEvent("leerplicht-0363", at).toBuilder().trace(TraceContext.newTrace())
                .processingActivity(ProcessingActivity.of(AuditAction.DISCLOSE, "leerplicht"))
                .actingUser("medewerker-17").onBehalfOf("leerplichtambtenaar-3").build();
    }

    private void insertVersionOneRow(long id, AuditEvent e, byte[] previous, byte[] hash) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into audit_entry (id, occurred_at, action, outcome, channel, recipient_id, organisation, role,"
                        + " purpose_id, legal_basis, policy_id, policy_version, decision_id, record_kind, record_id,"
                        + " record_version, subject_hash, fields, reason, previous_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] values = {id, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC), e.action().name(),
                    e.outcome().name(), e.channel().name(), e.recipientId(), e.organisation(), e.role(), e.purposeId(),
                    e.legalBasis(), e.policyId(), e.policyVersion(), e.decisionId(), e.recordKind(), e.recordId(),
                    e.recordVersion(), e.subjectHash(), c.createArrayOf("text", e.fields().toArray()), e.reason(),
                    previous, hash};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    private boolean partitionExists(String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var row = s.executeQuery("select to_regclass('" + name + "') is not null")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private void append(AuditEvent... events) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            log.append(c, List.of(events));
            c.commit();
        }
    }

    private List<AuditEntry> find(AuditQuery query) throws SQLException {
        return AuditLogCalls.find(dataSource, log, query);
    }

    private VerificationResult verify() throws SQLException {
        return AuditLogCalls.verify(dataSource, log);
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void tamper(String sql) throws SQLException {
        sql("alter table audit_entry disable trigger user; " + sql + "; alter table audit_entry enable trigger user");
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
