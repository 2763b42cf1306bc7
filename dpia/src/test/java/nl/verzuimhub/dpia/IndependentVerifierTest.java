package nl.verzuimhub.dpia;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import nl.verzuimhub.dpia.verify.IndependentVerifier;
import nl.verzuimhub.dpia.verify.VerifierReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone verifier against a database and against an export, with ten entries under a signed checkpoint:
 * one flipped byte, one deleted row, two swapped rows and a cut-off tail are each found at the right entry, and
 * nothing but the public key is trusted.
 */
class IndependentVerifierTest {
    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static KeyPair keys;
    static KeyPair otherKeys;
    final SubjectHasher hasher = new SubjectHasher("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        otherKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void tenEntriesUnderASignedCheckpoint() throws Exception {
        AuditSchema.install(dataSource);
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            events.add(AuditEvent.builder(Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i), AuditAction.DISCLOSE,
                            AuditOutcome.SUCCESS).channel(AuditChannel.FEED).recipientId("leerplicht-0363")
                    .organisation("0363").purposeId("leerplicht").recordKind("VERZUIMMELDING").recordId("VM-" + i)
                    .recordVersion(1).subjectHash(hasher.hash("111222333")).fields(List.of("bsn", "hours"))
                    .trace(TraceContext.newTrace()).build());
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            new JdbcAuditLog().append(c, events.subList(0, 4));
            new JdbcAuditLog().append(c, events.subList(4, 10));
            long[] id = new long[1];
            byte[] hash = new JdbcAuditLog().readHead(c, id, false);
            new JdbcCheckpoints().store(c, Checkpoint.sign(id[0], hash, Instant.now(), "test-1", keys.getPrivate()),
                    keys.getPublic());
            c.commit();
        }
    }

    @Test
    void anUntouchedLogVerifiesFromTheDatabaseAndFromAnExport() throws Exception {
        VerifierReport database = verifyDatabase();
        assertThat(database.valid()).isTrue();
        assertThat(database.chain().entries()).isEqualTo(10);
        assertThat(database.checkpointsTrusted()).isEqualTo(1);
        VerifierReport export = verifyExport(export());
        assertThat(export.valid()).isTrue();
        assertThat(export.chain().entries()).isEqualTo(10);
    }

    @Test
    void aFlippedByteIsNamed() throws Exception {
        tamper("update audit_entry set organisation = '0364' where id = 4");
        assertThat(verifyDatabase().chain().firstInvalid()).isEqualTo(4L);
    }

    @Test
    void aDeletedRowIsNamed() throws Exception {
        tamper("delete from audit_entry where id = 5");
        assertThat(verifyDatabase()).satisfies(report -> {
            assertThat(report.valid()).isFalse();
            assertThat(report.chain().firstInvalid()).isEqualTo(5L);
        });
    }

    @Test
    void swappedRowsAreNamed() throws Exception {
        tamper("update audit_entry set id = -6 where id = 6; update audit_entry set id = 6 where id = 7;"
                + " update audit_entry set id = 7 where id = -6");
        assertThat(verifyDatabase().chain().firstInvalid()).isEqualTo(6L);
    }

    @Test
    void aTruncatedTailIsNamedEvenWhenTheChainHeadIsMovedBackToMatch() throws Exception {
        tamper("delete from audit_entry where id >= 9");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_chain_head disable trigger user");
            s.execute("update audit_chain_head set last_id = 8, last_hash = (select hash from audit_entry where id = 8)");
            s.execute("alter table audit_chain_head enable trigger user");
        }
        VerifierReport report = verifyDatabase();
        assertThat(report.valid()).isFalse();
        assertThat(report.chain().firstInvalid()).isEqualTo(9L);
        assertThat(report.describe()).contains("first bad entry: 9");
    }

    @Test
    void aRechainedForgeryFailsAgainstTheSignedCheckpoint() throws Exception {
        // An attacker who rewrites entry 3 and recomputes every later hash keeps the chain consistent in itself.
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            new JdbcAuditLog().stream(c, 1, 10, entries::add);
        }
        StringWriter forged = new StringWriter();
        ChainExport.LineWriter out = new ChainExport.LineWriter(forged).header();
        try (Connection c = dataSource.getConnection()) {
            new JdbcCheckpoints().all(c).forEach(out::checkpoint);
        }
        byte[] previous = AuditChain.GENESIS;
        for (AuditEntry entry : entries) {
            AuditEvent event = entry.id() == 3 ? entry.event().toBuilder().recipientId("someone-else").build() : entry.event();
            byte[] hash = AuditChain.hash(entry.format(), previous, entry.id(), event);
            out.entry(new AuditEntry(entry.id(), event, previous, hash, entry.format()));
            previous = hash;
        }
        VerifierReport report = verifyExport(forged.toString());
        assertThat(report.valid()).isFalse();
        assertThat(report.chain().firstInvalid()).isEqualTo(1L);
        assertThat(report.chain().problem()).contains("checkpoint");
    }

    @Test
    void theExportDetectsAFlippedByteADeletedLineSwappedLinesAndATruncatedTail() throws Exception {
        List<String> lines = new ArrayList<>(export().lines().toList());
        int firstEntry = lines.indexOf(lines.stream().filter(l -> l.startsWith("E\t")).findFirst().orElseThrow());

        List<String> flipped = new ArrayList<>(lines);
        flipped.set(firstEntry + 3, flipLastCanonicalByte(flipped.get(firstEntry + 3)));
        assertThat(verifyExport(String.join("\n", flipped)).chain().firstInvalid()).isEqualTo(4L);

        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(firstEntry + 4);
        assertThat(verifyExport(String.join("\n", deleted)).chain().firstInvalid()).isEqualTo(5L);

        List<String> swapped = new ArrayList<>(lines);
        swapped.set(firstEntry + 5, lines.get(firstEntry + 6));
        swapped.set(firstEntry + 6, lines.get(firstEntry + 5));
        assertThat(verifyExport(String.join("\n", swapped)).chain().firstInvalid()).isEqualTo(6L);

        List<String> truncated = new ArrayList<>(lines.subList(0, firstEntry + 8));
        VerifierReport cut = verifyExport(String.join("\n", truncated));
        assertThat(cut.valid()).isFalse();
        assertThat(cut.chain().firstInvalid()).isEqualTo(9L);
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsNotTrusted() throws Exception {
        VerifierReport report = new IndependentVerifier(otherKeys.getPublic())
                .verifyExport(new BufferedReader(new StringReader(export())), List.of());
        assertThat(report.valid()).isFalse();
        assertThat(report.checkpointsTrusted()).isZero();
        assertThat(report.rejectedCheckpoints()).hasSize(1);
    }

    @Test
    void theCommandLineVerifierExitsZeroOnlyForAnIntactExport(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.txt"), export());
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        assertThat(nl.verzuimhub.dpia.verify.VerifierMainAccess.run("--public-key", publicKey, "--export", good.toString()))
                .isZero();
        tamper("update audit_entry set reason = 'x' where id = 2");
        Path bad = Files.writeString(dir.resolve("bad.txt"), export());
        assertThat(nl.verzuimhub.dpia.verify.VerifierMainAccess.run("--public-key", publicKey, "--export", bad.toString()))
                .isEqualTo(1);
        assertThat(nl.verzuimhub.dpia.verify.VerifierMainAccess.run("--export", bad.toString())).isEqualTo(2);
    }

    @Test
    void thePublicKeyIsDerivedFromThePrivateKey() {
        assertThat(Ed25519Keys.publicKeyOf(keys.getPrivate()).getEncoded()).isEqualTo(keys.getPublic().getEncoded());
    }

    private static String flipLastCanonicalByte(String line) {
        int tab = line.lastIndexOf('\t');
        byte[] canonical = Base64.getDecoder().decode(line.substring(tab + 1));
        canonical[canonical.length - 30] ^= 0x01;
        return line.substring(0, tab + 1) + Base64.getEncoder().encodeToString(canonical);
    }

    private VerifierReport verifyDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new IndependentVerifier(keys.getPublic()).verifyDatabase(c, List.of());
        }
    }

    private VerifierReport verifyExport(String export) throws Exception {
        return new IndependentVerifier(keys.getPublic()).verifyExport(new BufferedReader(new StringReader(export)),
                List.of());
    }

    private String export() throws SQLException {
        StringWriter text = new StringWriter();
        ChainExport.LineWriter out = new ChainExport.LineWriter(text).header();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            new JdbcCheckpoints().all(c).forEach(out::checkpoint);
            new JdbcAuditLog().stream(c, 1, Long.MAX_VALUE, out::entry);
            c.rollback();
        }
        return text.toString();
    }

    private void tamper(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_entry disable trigger user");
            s.execute(sql);
            s.execute("alter table audit_entry enable trigger user");
        }
    }
}
