package nl.verzuimhub.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.dpia.AuditServerSettings;
import nl.verzuimhub.dpia.Ed25519Keys;
import nl.verzuimhub.dpia.ProcessingActivity;
import nl.verzuimhub.dpia.verify.IndependentVerifier;
import nl.verzuimhub.dpia.verify.VerifierReport;
import nl.verzuimhub.server.retention.RetentionJob;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of a running hub (built-in simulator, embedded PostgreSQL, real tokens): the application's
 * database role, trace propagation, the Logboek export, signed checkpoints verified without the hub, refusal when
 * the log cannot be written, partitions ahead, and (last, since it erases the region) retention.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded-postgres.data-dir=", "hub.register.poll-interval=200ms", "hub.simulator.seed=11",
        "hub.simulator.pupils=600", "hub.retention.enabled=false", "hub.embedded-postgres.settings.work-mem=12MB"})
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class AuditTrailIntegrationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    RetentionJob retention;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void theApplicationRoleMayReadAndAppendButNeverChangeTheLogAndTheTriggerStillRefusesTheOwner() {
        awaitIngest();
        get("/api/v1/feed?limit=10", token("leerplicht-0363"), null);
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("verzuimhub_app");
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        AuditServerSettings.SETTINGS.forEach((name, value) -> assertThat(
                jdbc.queryForObject("select current_setting(?)", String.class, name)).as(name).isEqualTo(value));
        assertThat(jdbc.queryForObject("show work_mem", String.class)).as("an operator's setting").isEqualTo("12MB");
        assertThat(count("audit_entry")).isPositive();
        String partition = jdbc.queryForObject("select tableoid::regclass::text from audit_entry limit 1", String.class);
        for (String sql : List.of("update audit_entry set reason = 'x'", "delete from audit_entry",
                "truncate audit_entry", "delete from " + partition, "update " + partition + " set reason = 'x'",
                "update audit_checkpoint set key_id = 'x'", "delete from audit_chain_head",
                "alter table audit_entry disable trigger user")) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).rootCause()
                    .hasMessageMatching("(?s).*(permission denied|must be owner).*");
        }
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        for (String sql : List.of("update audit_entry set reason = 'x'", "delete from audit_entry",
                "truncate audit_entry", "delete from " + partition)) {
            assertThatThrownBy(() -> owner.execute(sql)).as(sql).rootCause().hasMessageContaining("append-only");
        }
    }

    @Test
    @Order(2)
    void aCallersTraceparentIsContinuedIntoTheResponseAndIntoEveryAuditEntryOfTheRequest() throws Exception {
        long before = maxId();
        HttpResponse<String> feed = get("/api/v1/feed?limit=5", token("leerplicht-0363"),
                "00-" + CALLER_TRACE + "-00f067aa0ba902b7-01");
        assertThat(feed.statusCode()).isEqualTo(200);
        String answered = feed.headers().firstValue("traceparent").orElseThrow();
        assertThat(answered).matches("00-" + CALLER_TRACE + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");
        String span = answered.split("-")[2];
        List<Map<String, Object>> entries = jdbc.queryForList("select trace_id, span_id, processing_activity, hash_format,"
                + " cardinality(item_subjects) as items from audit_entry where id > ?", before);
        // the page of 5 items is one entry with its items (hash format 3)
        assertThat(entries).hasSize(1).allSatisfy(entry -> {
            assertThat(entry).containsEntry("trace_id", CALLER_TRACE).containsEntry("span_id", span)
                    .containsEntry("processing_activity", "VA-LEERPLICHT")
                    .containsEntry("hash_format", 3).containsEntry("items", 5);
        });

        HttpResponse<String> noHeader = get("/api/v1/feed?limit=1", token("leerplicht-0363"), "not-a-traceparent");
        assertThat(noHeader.headers().firstValue("traceparent").orElseThrow())
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain(CALLER_TRACE);
    }

    @Test
    @Order(3)
    void aPrivacyOfficerExportsInLogboekShapeAndTheExportIsAuditedFirst() throws Exception {
        String officer = token("fg-privacy");
        long exportsBefore = actionCount("EXPORT");
        HttpResponse<String> export = get("/api/v1/audit/export?format=logboek&from=2000-01-01T00:00:00Z"
                + "&to=2100-01-01T00:00:00Z", officer, "00-" + CALLER_TRACE + "-00f067aa0ba902b7-01");
        assertThat(export.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = JSON.readValue(export.body(), List.class);
        assertThat(records).hasSizeGreaterThan(5);
        Map<String, Object> disclosure = records.stream().filter(r -> "disclose".equals(r.get("name"))).findFirst()
                .orElseThrow();
        assertThat(disclosure).containsKeys("trace_id", "span_id", "start_time", "end_time", "status_code", "resource");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) disclosure.get("attributes");
        assertThat(attributes.get("dpl.core.processing_activity_id").toString())
                .startsWith("urn:verzuimhub:verwerkingsactiviteit:VA-");
        assertThat(attributes.get("dpl.core.data_subject_id").toString()).matches("[0-9a-f]{64}");
        assertThat(export.body()).doesNotContainPattern("\"[0-9]{9}\"");
        assertThat(actionCount("EXPORT")).isEqualTo(exportsBefore + 1);
        assertThat(jdbc.queryForObject("select trace_id from audit_entry where action = 'EXPORT' order by id desc limit 1",
                String.class)).isEqualTo(CALLER_TRACE);

        assertThat(get("/api/v1/audit/export?format=logboek", token("leerplicht-0363"), null).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit/export?format=xml", officer, null).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void aCheckpointSignedOnDemandLetsTheChainExportBeVerifiedWithoutTheHub() throws Exception {
        String officer = token("fg-privacy");
        HttpResponse<String> signed = send(HttpRequest.newBuilder(uri("/api/v1/audit/checkpoints"))
                .header("Authorization", "Bearer " + officer).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(signed.statusCode()).isEqualTo(201);
        long signedEntry = ((Number) JSON.readValue(signed.body(), Map.class).get("lastEntryId")).longValue();
        assertThat(signedEntry).isEqualTo(maxId());

        @SuppressWarnings("unchecked")
        Map<String, Object> checkpoints = JSON.readValue(get("/api/v1/audit/checkpoints", officer, null).body(), Map.class);
        assertThat(checkpoints).containsEntry("algorithm", "Ed25519").containsEntry("keyId", "demo-checkpoint-1");
        var publicKey = Ed25519Keys.publicKey((String) checkpoints.get("publicKey"));

        HttpResponse<String> chain = get("/api/v1/audit/export?format=chain", officer, null);
        assertThat(chain.statusCode()).isEqualTo(200);
        VerifierReport report = new IndependentVerifier(publicKey)
                .verifyExport(new BufferedReader(new StringReader(chain.body())), List.of());
        assertThat(report.valid()).as(report.describe()).isTrue();
        assertThat(report.checkpointsTrusted()).isPositive();
        assertThat(report.chain().entries()).isGreaterThanOrEqualTo(signedEntry);

        HttpResponse<byte[]> binary = http.send(HttpRequest.newBuilder(uri("/api/v1/audit/export?format=chain-binary"))
                .header("Authorization", "Bearer " + officer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        VerifierReport fromBinary = new IndependentVerifier(publicKey)
                .verifyExport(new java.io.ByteArrayInputStream(binary.body()), List.of());
        assertThat(fromBinary.valid()).as(fromBinary.describe()).isTrue();
        assertThat(fromBinary.chain().entries()).isGreaterThanOrEqualTo(report.chain().entries());

        try (var owner = postgres.getPostgresDatabase().getConnection()) {
            VerifierReport database = new IndependentVerifier(publicKey).verifyDatabase(owner, List.of());
            assertThat(database.valid()).as(database.describe()).isTrue();
        }
    }

    @Test
    @Order(5)
    void whenTheAppendIsRefusedTheFeedAnswers503AndDisclosesNothing() throws Exception {
        String token = token("leerplicht-0363");
        long entriesBefore = count("audit_entry");
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        owner.execute("revoke insert on audit_entry from verzuimhub_app");
        try {
            HttpResponse<String> refused = get("/api/v1/feed?after=0", token, null);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain("\"items\"", "bsn");
        } finally {
            owner.execute("grant insert on audit_entry to verzuimhub_app");
        }
        assertThat(count("audit_entry")).isEqualTo(entriesBefore);
        assertThat(get("/api/v1/feed?after=0", token, null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void partitionsExistAheadOfTime() {
        YearMonth ahead = YearMonth.now(ZoneOffset.UTC).plusMonths(3);
        String name = String.format("audit_entry_%04d_%02d", ahead.getYear(), ahead.getMonthValue());
        Eventually(() -> Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, name)));
    }

    @Test
    @Order(20)
    void retentionErasesWhatNoPurposeNeedsKeepsTheLogAndAuditsEveryErasure() {
        Instant newest = jdbc.queryForObject("select max(occurred_at) from register_record", java.sql.Timestamp.class)
                .toInstant();
        assertThat(retention.runAt(newest.plus(Duration.ofDays(1)))).isEqualTo(new RetentionJob.Result(0, 0, 0));

        new JdbcTemplate(postgres.getPostgresDatabase()).update("insert into register_quarantine (requested_from,"
                + " first_seen_at, last_seen_at, reason, body_sha256, body, size_bytes) values (5, ?, ?, 'schema', 'abc', ?, ?)",
                java.sql.Timestamp.from(newest), java.sql.Timestamp.from(newest),
                "<page>synthetic</page>".getBytes(StandardCharsets.UTF_8), "<page>synthetic</page>".length());
        long withData = jdbc.queryForObject("select count(*) from register_record where payload is not null", Long.class);
        long auditBefore = count("audit_entry");
        Instant later = Instant.parse("2060-01-01T00:00:00Z");
        RetentionJob.Result result = retention.runAt(later);

        assertThat(result.records()).isEqualTo(withData);
        assertThat(result.quarantinedBodies()).isEqualTo(1);
        assertThat(result.deliveries()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from register_record where payload is not null", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from delivery where data is not null", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from register_quarantine where length(body) > 0", Long.class)).isZero();
        assertThat(count("audit_entry")).isEqualTo(auditBefore + withData + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ERASE' and record_kind <> 'REGISTER_PAGE'"
                + " and subject_hash ~ '^[0-9a-f]{64}$' and processing_activity = ? and trace_id is not null"
                + " and occurred_at = ?", Long.class, ProcessingActivity.RETENTION, java.sql.Timestamp.from(later)))
                .isEqualTo(withData);
        assertThat(retention.runAt(later)).isEqualTo(new RetentionJob.Result(0, 0, 0));
        assertThat(get("/api/v1/audit/verify", token("fg-privacy"), null).body()).contains("\"valid\":true");
    }

    private void awaitIngest() {
        Eventually(() -> count("register_record") > 100 && count("delivery") > 50);
    }

    private static void Eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private long actionCount(String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ?", Long.class, action);
    }

    private long maxId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String token(String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientId + "-secret")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        return (String) JSON.readValue(response.body(), Map.class).get("access_token");
    }

    private HttpResponse<String> get(String path, String token, String traceparent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
