package nl.verzuimhub.dpia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcAuditLogTest {
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

    @BeforeEach
    void freshSchema() throws Exception {
        AuditSchema.install(dataSource);
    }

    @Test
    void appendedEntriesAreNumberedChainedAndVerify() throws Exception {
        List<AuditEntry> first = append(event("leerplicht-0363", "111222333"), event("swv-vo2701", "123456782"));
        List<AuditEntry> second = append(event("jgz-ggd-amsterdam", "111222333"));
        assertThat(first).extracting(AuditEntry::id).containsExactly(1L, 2L);
        assertThat(second.get(0).id()).isEqualTo(3L);
        assertThat(second.get(0).previousHash()).isEqualTo(first.get(1).hash());
        assertThat(first.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(verify()).isEqualTo(new VerificationResult(true, 3, null, null));
    }

    @Test
    void storedEntriesReadBackExactlyAsWritten() throws Exception {
        AuditEvent written = event("leerplicht-0363", "111222333");
        append(written);
        List<AuditEntry> read = find(new AuditQuery(null, null, null, null, 0, 10));
        assertThat(read).singleElement().satisfies(entry -> assertThat(entry.event()).isEqualTo(written));
    }

    @Test
    void textWithEscapesNonAsciiAndNullsReadsBackExactlyAndVerifies() throws Exception {
        AuditEvent awkward = AuditChainGoldenTest.event().toBuilder()
                .reason("line 1\nline 2\r\ttab \\N back\\slash \"quoted\" {braces} één \uD83D\uDE00").build();
        AuditEvent sparse = AuditChainGoldenTest.sparseEvent();
        AuditEvent emptyFields = sparse.toBuilder().fields(List.of()).build();
        append(awkward, sparse, emptyFields);
        assertThat(find(new AuditQuery(null, null, null, null, 0, 10))).extracting(AuditEntry::event)
                .containsExactly(awkward, sparse, emptyFields);
        assertThat(verify()).isEqualTo(new VerificationResult(true, 3, null, null));
    }

    @Test
    void searchFindsEntriesBySubjectHashRecipientAndPeriod() throws Exception {
        append(event("leerplicht-0363", "111222333"), event("swv-vo2701", "123456782"),
                event("swv-vo2701", "111222333"));
        assertThat(find(new AuditQuery(hasher.hash("111222333"), null, null, null, 0, 10)))
                .extracting(AuditEntry::id).containsExactly(1L, 3L);
        assertThat(find(new AuditQuery(hasher.hash("111222333"), "swv-vo2701", null, null, 0, 10)))
                .extracting(AuditEntry::id).containsExactly(3L);
        assertThat(find(new AuditQuery(null, null, Instant.parse("2030-01-01T00:00:00Z"), null, 0, 10))).isEmpty();
        assertThat(find(new AuditQuery(null, null, null, null, 1, 1))).extracting(AuditEntry::id).containsExactly(2L);
    }

    @Test
    void theSubjectSearchIsAnsweredFromTheSubjectIndex() throws Exception {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(event("leerplicht-0363", String.format("%09d", 100_000_000 + i)));
        }
        append(events.toArray(AuditEvent[]::new));
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze audit_entry");
            s.execute("set enable_seqscan = off"); // a table this small would be read whole otherwise
            try (var rows = s.executeQuery("explain select * from audit_entry where subject_hash = '"
                    + hasher.hash("100000007") + "' order by id limit 100")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        assertThat(plan.toString()).contains("subject_hash_idx").contains("(subject_hash = ");
        assertThat(find(new AuditQuery(hasher.hash("100000007"), null, null, null, 0, 100)))
                .extracting(AuditEntry::id).containsExactly(8L);
    }

    @Test
    void aFailureAfterPartOfTheBatchWasStreamedStoresNothingAndLeavesTheConnectionUsable() throws Exception {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) { // about 150 KiB of rows: the first chunks are sent before the failure
            events.add(event("leerplicht-0363", "111222333"));
        }
        int[] reads = new int[1];
        List<AuditEvent> failsWhileChaining = new java.util.AbstractList<>() {
            @Override
            public AuditEvent get(int index) {
                if (index == 250 && ++reads[0] == 2) { // the first pass (partitions) reads it once; the chain loop fails
                    throw new IllegalStateException("encoding failed");
                }
                return events.get(index);
            }

            @Override
            public int size() {
                return events.size();
            }
        };
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> log.append(c, failsWhileChaining)).hasMessage("encoding failed");
            c.rollback();
            assertThat(log.append(c, List.of(event("swv-vo2701", "123456782")))).extracting(AuditEntry::id)
                    .containsExactly(1L);
            c.commit();
        }
        assertThat(verify()).isEqualTo(new VerificationResult(true, 1, null, null));
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() throws Exception {
        append(event("leerplicht-0363", "111222333"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_entry set reason = 'x'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_entry")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_entry")).hasMessageContaining("append-only");
        }
    }

    @Test
    void aChangedByteIsDetectedAtThatEntry() throws Exception {
        append(event("a", "111222333"), event("b", "111222333"), event("c", "111222333"));
        tamper("update audit_entry set recipient_id = 'x' where id = 2");
        assertThat(verify().firstInvalid()).isEqualTo(2L);
    }

    @Test
    void aDeletedEntryIsDetected() throws Exception {
        append(event("a", "111222333"), event("b", "111222333"), event("c", "111222333"));
        tamper("delete from audit_entry where id = 2");
        assertThat(verify()).satisfies(result -> {
            assertThat(result.valid()).isFalse();
            assertThat(result.firstInvalid()).isEqualTo(2L);
        });
    }

    @Test
    void swappedEntriesAreDetected() throws Exception {
        append(event("a", "111222333"), event("b", "111222333"), event("c", "111222333"));
        tamper("update audit_entry set id = -2 where id = 2; update audit_entry set id = 2 where id = 3;"
                + " update audit_entry set id = 3 where id = -2");
        assertThat(verify().firstInvalid()).isEqualTo(2L);
    }

    @Test
    void aTruncatedTailIsDetected() throws Exception {
        append(event("a", "111222333"), event("b", "111222333"), event("c", "111222333"));
        tamper("delete from audit_entry where id = 3");
        assertThat(verify()).satisfies(result -> {
            assertThat(result.valid()).isFalse();
            assertThat(result.firstInvalid()).isEqualTo(3L);
        });
    }

    @Test
    void concurrentWritersProduceOneLinearChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    append(event("writer", "111222333"), event("writer", "123456782"));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        assertThat(verify()).isEqualTo(new VerificationResult(true, 200, null, null));
    }

    @Test
    void appendingOutsideATransactionIsRefused() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            assertThatThrownBy(() -> log.append(c, List.of(event("a", "111222333"))))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private AuditEvent event(String recipient, String bsn) {
        return new AuditEvent(Instant.parse("2026-11-22T10:15:30.123456789Z"), AuditAction.DISCLOSE, AuditOutcome.SUCCESS,
                AuditChannel.FEED, recipient, "0363", "ATTENDANCE_OFFICER", "leerplicht", "Leerplichtwet 1969 art. 21a",
                "leerplicht.attendance-officer.residence", "default-2026.11.1", "d-1", "VERZUIMMELDING", "VM-1", 2,
                hasher.hash(bsn), List.of("bsn", "birthDate"), null);
    }

    private List<AuditEntry> append(AuditEvent... events) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<AuditEntry> entries = log.append(c, List.of(events));
            c.commit();
            return entries;
        }
    }

    private List<AuditEntry> find(AuditQuery query) throws SQLException {
        return AuditLogCalls.find(dataSource, log, query);
    }

    private VerificationResult verify() throws SQLException {
        return AuditLogCalls.verify(dataSource, log);
    }

    /** What an attacker with database superuser rights could do: switch the guard off and edit rows. */
    private void tamper(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_entry disable trigger user");
            s.execute(sql);
            s.execute("alter table audit_entry enable trigger user");
        }
    }
}
