package nl.verzuimhub.dpia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import nl.verzuimhub.dpia.verify.IndependentVerifier;
import nl.verzuimhub.dpia.verify.VerifierReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entries with items (hash format 3, one per served feed page): stored and read back exactly, found by each item's
 * subject, narrowed to that subject's items only, and chained so that changing, adding or dropping one item is found
 * by the log's own verification and by the standalone verifier, in a log that mixes formats 2 and 3.
 */
class AuditItemsTest {
    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static KeyPair keys;
    final JdbcAuditLog log = new JdbcAuditLog();
    final SubjectHasher hasher = new SubjectHasher("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    final String alice = hasher.hash("111222333");
    final String bob = hasher.hash("123456782");
    final String carol = hasher.hash("999888777");

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    /** Entry 1 plain (format 2), entry 2 a page of alice, bob, alice; entry 3 plain; entry 4 a page of carol. */
    @BeforeEach
    void mixedLogUnderACheckpoint() throws Exception {
        AuditSchema.install(dataSource);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            log.append(c, List.of(plain(alice, "VM-0"), page(Instant.parse("2026-11-22T10:00:01Z"),
                    item(11, alice, "VM-1", AuditAction.DISCLOSE), item(12, bob, "VM-2", AuditAction.DISCLOSE),
                    item(13, alice, "VM-3", AuditAction.RETRACT))));
            log.append(c, List.of(plain(bob, "VM-4"), page(Instant.parse("2026-11-22T10:00:03Z"),
                    item(14, carol, "VM-5", AuditAction.DISCLOSE))));
            long[] id = new long[1];
            byte[] hash = log.readHead(c, id, false);
            new JdbcCheckpoints().store(c, Checkpoint.sign(id[0], hash, Instant.now(), "test-1", keys.getPrivate()),
                    keys.getPublic());
            c.commit();
        }
    }

    @Test
    void pagesAreFormatThreeReadBackExactlyAndTheMixedChainVerifies() throws Exception {
        List<AuditEntry> all = find(new AuditQuery(null, null, null, null, 0, 10));
        assertThat(all).extracting(AuditEntry::format).containsExactly(2, 3, 2, 3);
        assertThat(all.get(1).event()).isEqualTo(page(Instant.parse("2026-11-22T10:00:01Z"),
                item(11, alice, "VM-1", AuditAction.DISCLOSE), item(12, bob, "VM-2", AuditAction.DISCLOSE),
                item(13, alice, "VM-3", AuditAction.RETRACT)));
        assertThat(all.get(1).event().subjectHash()).isNull();
        AuditChain.Decoded decoded = AuditChain.decode(AuditChain.canonical(3, 2, all.get(1).event()));
        assertThat(decoded.event()).isEqualTo(all.get(1).event());
        assertThat(verify()).isEqualTo(new VerificationResult(true, 4, null, null));
        assertThat(verifyDatabase().valid()).isTrue();
        VerifierReport text = verifyExport(textExport());
        assertThat(text.valid()).isTrue();
        assertThat(text.chain().entries()).isEqualTo(4);
        assertThat(verifyExport(binaryExport()).valid()).isTrue();
    }

    @Test
    void aSubjectFindsEveryPageItHasAnItemInAndSeesOnlyItsOwnItems() throws Exception {
        List<AuditEntry> found = find(new AuditQuery(alice, null, null, null, 0, 10));
        assertThat(found).extracting(AuditEntry::id).containsExactly(1L, 2L);
        List<AuditEvent> seen = found.stream().flatMap(entry -> entry.event().forSubject(alice).stream()).toList();
        assertThat(seen).extracting(AuditEvent::recordId).containsExactly("VM-0", "VM-1", "VM-3");
        assertThat(seen).extracting(AuditEvent::subjectHash).containsOnly(alice);
        assertThat(seen).extracting(AuditEvent::action)
                .containsExactly(AuditAction.DISCLOSE, AuditAction.DISCLOSE, AuditAction.RETRACT);
        assertThat(seen).allSatisfy(event -> assertThat(event.items()).isNull());
        assertThat(seen.subList(1, 3)).allSatisfy(event -> {
            assertThat(event.recipientId()).isEqualTo("leerplicht-0363");
            assertThat(event.channel()).isEqualTo(AuditChannel.FEED);
        });
        assertThat(seen.get(1).decisionId()).isEqualTo("d-11");
        assertThat(seen.get(1).policyId()).isEqualTo("leerplicht.residence");
        assertThat(seen.get(1).fields()).containsExactly("bsn", "hours");

        assertThat(find(new AuditQuery(bob, null, null, null, 0, 10))).extracting(AuditEntry::id)
                .containsExactly(2L, 3L);
        assertThat(find(new AuditQuery(bob, null, null, null, 0, 10)).get(0).event().forSubject(bob))
                .extracting(AuditEvent::recordId).containsExactly("VM-2");
        assertThat(find(new AuditQuery(carol, null, null, null, 0, 10))).extracting(AuditEntry::id)
                .containsExactly(4L);
        assertThat(find(new AuditQuery(hasher.hash("000000000"), null, null, null, 0, 10))).isEmpty();
    }

    @Test
    void theItemSubjectSearchUsesTheGinIndexOnEveryPartitionIncludingNewOnes() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            log.append(c, List.of(page(Instant.parse("2031-03-01T00:00:00Z"), item(15, alice, "VM-6",
                    AuditAction.DISCLOSE))));
            c.commit();
        }
        assertThat(find(new AuditQuery(alice, null, null, null, 0, 10))).extracting(AuditEntry::id)
                .containsExactly(1L, 2L, 5L);
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (var rows = s.executeQuery("select count(*) from pg_indexes where tablename = 'audit_entry_2031_03'"
                    + " and indexdef like '%USING gin (audit_subject_keys(item_subjects))%'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            s.execute("analyze audit_entry");
            s.execute("set enable_seqscan = off");
            try (var rows = s.executeQuery("explain select * from audit_entry where subject_hash = '" + alice
                    + "' or " + JdbcAuditLog.itemSubjectCondition("").replace("?", "'" + alice + "'"))) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        assertThat(plan.toString()).contains("audit_subject_keys_idx").contains("subject_hash_idx");
    }

    /** V93: the item arrays are stored without compression, on every partition, including one made by an append. */
    @Test
    void itemArraysAreStoredUncompressedOnEveryPartitionIncludingNewOnes() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            log.append(c, List.of(page(Instant.parse("2032-05-01T00:00:00Z"), item(16, alice, "VM-7",
                    AuditAction.DISCLOSE))));
            c.commit();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery("""
                     select c.relname, a.attname, a.attstorage from pg_attribute a join pg_class c on c.oid = a.attrelid
                      where c.relname like 'audit_entry%' and c.relkind in ('r', 'p') and a.attname like 'item\\_%'
                        and not a.attisdropped""")) {
            List<String> compressed = new java.util.ArrayList<>();
            java.util.Set<String> tables = new java.util.HashSet<>();
            int columns = 0;
            while (rows.next()) {
                tables.add(rows.getString(1));
                columns++;
                if (!rows.getString(3).equals("e")) {
                    compressed.add(rows.getString(1) + "." + rows.getString(2));
                }
            }
            assertThat(tables).contains("audit_entry", "audit_entry_2032_05");
            assertThat(columns).isEqualTo(tables.size() * 10);
            assertThat(compressed).isEmpty();
        }
    }

    @Test
    void aChangedItemSubjectIsFoundByBothVerifiers() throws Exception {
        tamper("update audit_entry set item_subjects[2] = '" + carol + "' where id = 2");
        assertThat(verify().firstInvalid()).isEqualTo(2L);
        assertThat(verifyDatabase().chain().firstInvalid()).isEqualTo(2L);
    }

    @Test
    void aDroppedItemIsFoundByBothVerifiers() throws Exception {
        tamper("update audit_entry set item_subjects = item_subjects[1:2], item_delivery_ids = item_delivery_ids[1:2],"
                + " item_decision_ids = item_decision_ids[1:2], item_kinds = item_kinds[1:2],"
                + " item_record_ids = item_record_ids[1:2], item_versions = item_versions[1:2],"
                + " item_actions = item_actions[1:2], item_policy_ids = item_policy_ids[1:2],"
                + " item_policy_versions = item_policy_versions[1:2], item_fields = item_fields[1:2] where id = 2");
        assertThat(verify().firstInvalid()).isEqualTo(2L);
        assertThat(verifyDatabase().chain().firstInvalid()).isEqualTo(2L);
    }

    @Test
    void aSubjectAddedToTheSearchColumnAloneOrAChangedItemPartIsFound() throws Exception {
        tamper("update audit_entry set item_subjects = item_subjects || '" + carol + "'::text where id = 2");
        assertThat(verify().firstInvalid()).isEqualTo(2L);
        assertThat(verifyDatabase().chain().firstInvalid()).isEqualTo(2L);
        AuditSchema.install(dataSource);
        mixedLogUnderACheckpoint();
        tamper("update audit_entry set item_fields[1] = 'bsn' where id = 2");
        assertThat(verify().firstInvalid()).isEqualTo(2L);
        assertThat(verifyDatabase().chain().firstInvalid()).isEqualTo(2L);
    }

    @Test
    void aDroppedItemInAnExportIsFound() throws Exception {
        AuditEntry page = find(new AuditQuery(null, null, null, null, 1, 1)).get(0);
        List<AuditItem> fewer = page.event().items().subList(0, 2);
        byte[] forged = AuditChain.canonical(3, 2, page.event().toBuilder().items(fewer).build());
        String export = textExport();
        String[] lines = export.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("E\t2\t")) {
                int tab = lines[i].lastIndexOf('\t');
                lines[i] = lines[i].substring(0, tab + 1) + java.util.Base64.getEncoder().encodeToString(forged);
            }
        }
        VerifierReport report = verifyExport(String.join("\n", lines));
        assertThat(report.valid()).isFalse();
        assertThat(report.chain().firstInvalid()).isEqualTo(2L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLogboekExportHasOneRecordPerItemWithThatItemsSubject() throws Exception {
        AuditEntry page = find(new AuditQuery(null, null, null, null, 1, 1)).get(0);
        List<java.util.Map<String, Object>> records = LogboekRecord.all(page, "test");
        assertThat(records).hasSize(3);
        List<java.util.Map<String, Object>> attributes = records.stream()
                .map(record -> (java.util.Map<String, Object>) record.get("attributes")).toList();
        assertThat(attributes).extracting(a -> a.get("dpl.core.data_subject_id")).containsExactly(alice, bob, alice);
        assertThat(attributes).extracting(a -> a.get("verzuimhub.delivery_id")).containsExactly(11L, 12L, 13L);
        assertThat(attributes).extracting(a -> a.get("verzuimhub.audit.entry_id")).containsOnly(2L);
        assertThat(attributes).extracting(a -> a.get("verzuimhub.action")).containsExactly("DISCLOSE", "DISCLOSE",
                "RETRACT");
        AuditEntry plainEntry = find(new AuditQuery(null, null, null, null, 0, 1)).get(0);
        assertThat(LogboekRecord.all(plainEntry, "test")).containsExactly(LogboekRecord.of(plainEntry, "test"));
    }

    @Test
    void olderFormatsCannotHoldItemsAndItemsRefuseBadParts() {
        AuditEvent page = page(Instant.parse("2026-11-22T10:00:01Z"), item(11, alice, "VM-1", AuditAction.DISCLOSE));
        assertThatThrownBy(() -> AuditChain.canonical(2, 1, page)).isInstanceOf(IllegalArgumentException.class);
        assertThat(page.appendFormat()).isEqualTo(3);
        assertThat(plain(alice, "VM-0").appendFormat()).isEqualTo(2);
        assertThatThrownBy(() -> new AuditItem(1, "d", "K", "R", 1, AuditAction.DENY, alice, "p", "v", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditItem(1, "d", "K", "R", 1, AuditAction.DISCLOSE, alice, "p", "v",
                List.of("a,b"))).isInstanceOf(IllegalArgumentException.class);
    }

    private AuditEvent plain(String subject, String recordId) {
        return AuditEvent.builder(Instant.parse("2026-11-22T10:00:00Z"), AuditAction.DISCLOSE, AuditOutcome.SUCCESS)
                .channel(AuditChannel.PUSH).recipientId("swv-vo2701").organisation("VO2701").purposeId("passend")
                .recordKind("VERZUIMMELDING").recordId(recordId).recordVersion(1).subjectHash(subject)
                .fields(List.of("bsn")).trace(TraceContext.newTrace()).build();
    }

    static AuditEvent page(Instant at, AuditItem... items) {
        return AuditEvent.builder(at, AuditAction.DISCLOSE, AuditOutcome.SUCCESS).channel(AuditChannel.FEED)
                .recipientId("leerplicht-0363").organisation("0363").role("ATTENDANCE_OFFICER")
                .purposeId("leerplicht").legalBasis("Leerplichtwet 1969 art. 21a")
                .traceId("0af7651916cd43dd8448eb211c80319c").spanId("b7ad6b7169203331")
                .processingActivity("VA-LEERPLICHT").items(List.of(items)).build();
    }

    static AuditItem item(long delivery, String subject, String recordId, AuditAction action) {
        return new AuditItem(delivery, "d-" + delivery, "VERZUIMMELDING", recordId, 2, action, subject,
                delivery == 12 ? null : "leerplicht.residence", "default-2026.11.1", // a rule id may be absent
                action == AuditAction.RETRACT ? List.of() : List.of("bsn", "hours"));
    }

    private List<AuditEntry> find(AuditQuery query) throws SQLException {
        return AuditLogCalls.find(dataSource, log, query);
    }

    private VerificationResult verify() throws SQLException {
        return AuditLogCalls.verify(dataSource, log);
    }

    private VerifierReport verifyDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new IndependentVerifier(keys.getPublic()).verifyDatabase(c, List.of());
        }
    }

    private VerifierReport verifyExport(String export) throws Exception {
        return verifyExport(export.getBytes(StandardCharsets.UTF_8));
    }

    private VerifierReport verifyExport(byte[] export) throws Exception {
        return new IndependentVerifier(keys.getPublic()).verifyExport(new ByteArrayInputStream(export), List.of());
    }

    private String textExport() throws SQLException {
        StringWriter text = new StringWriter();
        ChainExport.LineWriter out = new ChainExport.LineWriter(text).header();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            new JdbcCheckpoints().all(c).forEach(out::checkpoint);
            log.stream(c, 1, Long.MAX_VALUE, out::entry);
            c.rollback();
        }
        return text.toString();
    }

    private byte[] binaryExport() throws SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryChainExport.Writer out = new BinaryChainExport.Writer(bytes).header();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            new JdbcCheckpoints().all(c).forEach(out::checkpoint);
            log.stream(c, 1, Long.MAX_VALUE, out::entry);
            c.rollback();
        }
        out.flush();
        return bytes.toByteArray();
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
