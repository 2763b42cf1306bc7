package nl.verzuimhub.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.RegisterPage;
import nl.verzuimhub.dpia.VerificationResult;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.simulator.SyntheticRegion;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Push delivery on real parts (embedded PostgreSQL, the hub's ingest, policies and audit log, the dispatcher) with
 * WireMock playing the recipients' webhooks and a directory playing a municipality's file share. Each recipient has
 * its own trouble; each ends with every disclosure processed exactly once per Idempotency-Key by a receiver that
 * drops repeats, and with each delivery an item of exactly one "push delivered" audit entry naming that key.
 *
 * <p>The synthetic region is stored through the hub's own ingest port in two halves, so that the second half
 * withdraws records the recipients already received. Steps build on each other and run in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class PushDeliveryTest {
    static final String SECRET = "push-secret-for-tests-0001";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final WireMockServer register = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final WireMockServer receivers = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final Path shareDirectory;
    static final Path sftpRoot;
    static final org.apache.sshd.server.SshServer sftp = org.apache.sshd.server.SshServer.setUpDefaultServer();
    static final String sftpHostKey;
    /**
     * Seed 11: a record of swv's dead-lettered batch is withdrawn before the replay, so the replay sends that item as
     * a retraction at its own sequence under the batch's key (what docs/integration-guide.md promises).
     */
    static final List<Mutation> REGION = SyntheticRegion.generate(11, 1500).mutations();
    /** The first half ends just before a withdrawal: the second half withdraws records pushed in the first. */
    static final int HALF = firstWithdrawalAfterHalfway();

    static {
        register.start();
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).willReturn(aResponse().withStatus(204)));
        receivers.start();
        try {
            shareDirectory = Files.createTempDirectory("push-share");
            sftpRoot = Files.createTempDirectory("push-sftp");
            Files.createDirectories(sftpRoot.resolve("inbox"));
            sftp.setHost("127.0.0.1");
            sftp.setPort(0);
            sftp.setKeyPairProvider(new org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider(
                    sftpRoot.resolve("host.key")));
            sftp.setPasswordAuthenticator((user, password, session) -> "diemen".equals(user)
                    && "sftp-password-0384".equals(password));
            sftp.setSubsystemFactories(List.of(new org.apache.sshd.sftp.server.SftpSubsystemFactory()));
            sftp.setFileSystemFactory(new org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory(sftpRoot));
            sftp.start();
            sftpHostKey = org.apache.sshd.common.config.keys.PublicKeyEntry.toString(
                    sftp.getKeyPairProvider().loadKeys(null).iterator().next().getPublic());
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegisterPageStore store;
    @Autowired
    AuditLog auditLog;

    @DynamicPropertySource
    static void hubSettings(DynamicPropertyRegistry properties) {
        properties.add("hub.embedded-postgres.data-dir", () -> "");
        properties.add("hub.register.base-url", register::baseUrl);
        properties.add("hub.register.poll-interval", () -> "1s");
        properties.add("hub.outbox.poll-interval", () -> "50ms");
        properties.add("hub.outbox.initial-backoff", () -> "50ms");
        properties.add("hub.outbox.max-backoff", () -> "2s");
        properties.add("hub.outbox.max-attempts", () -> "8");
        properties.add("hub.outbox.lease", () -> "30s");
        properties.add("hub.outbox.batch-size", () -> "20");
        webhook(properties, "leerplicht-0363", "/hooks/0363", "2s");
        municipality(properties, "leerplicht-0599", "0599", "Gemeente Rotterdam, leerplicht");
        webhook(properties, "leerplicht-0599", "/hooks/0599", "2s");
        municipality(properties, "leerplicht-0518", "0518", "Gemeente Den Haag, leerplicht");
        webhook(properties, "leerplicht-0518", "/hooks/0518", "2s");
        municipality(properties, "leerplicht-0362", "0362", "Gemeente Amstelveen, leerplicht");
        webhook(properties, "leerplicht-0362", "/hooks/0362", "500ms");
        webhook(properties, "swv-vo2701", "/hooks/swv", "2s");
        properties.add("hub.recipients.jgz-ggd-amsterdam.push.connector", () -> "file");
        properties.add("hub.recipients.jgz-ggd-amsterdam.push.directory", shareDirectory::toString);
        properties.add("hub.recipients.jgz-ggd-amsterdam.push.format", () -> "xml");
        municipality(properties, "leerplicht-0384", "0384", "Gemeente Diemen, leerplicht");
        properties.add("hub.recipients.leerplicht-0384.push.connector", () -> "sftp");
        properties.add("hub.recipients.leerplicht-0384.push.host", () -> "127.0.0.1");
        properties.add("hub.recipients.leerplicht-0384.push.port", () -> Integer.toString(sftp.getPort()));
        properties.add("hub.recipients.leerplicht-0384.push.username", () -> "diemen");
        properties.add("hub.recipients.leerplicht-0384.push.password", () -> "sftp-password-0384");
        properties.add("hub.recipients.leerplicht-0384.push.host-key", () -> sftpHostKey);
        properties.add("hub.recipients.leerplicht-0384.push.remote-directory", () -> "inbox");
        properties.add("hub.recipients.leerplicht-0384.push.format", () -> "csv");
    }

    private static void webhook(DynamicPropertyRegistry properties, String client, String path, String readTimeout) {
        PushReceivers.webhook(properties, client, receivers.baseUrl() + path, SECRET, readTimeout);
    }

    private static void municipality(DynamicPropertyRegistry properties, String client, String code, String name) {
        String prefix = "hub.recipients." + client + ".";
        properties.add(prefix + "organisation.type", () -> "MUNICIPALITY");
        properties.add(prefix + "organisation.code", () -> code);
        properties.add(prefix + "organisation.name", () -> name);
        properties.add(prefix + "role", () -> "ATTENDANCE_OFFICER");
        properties.add(prefix + "purposes", () -> "leerplicht");
    }

    @AfterAll
    static void stopServers() throws IOException {
        sftp.stop(true);
        register.stop();
        receivers.stop();
    }

    @Test
    @Order(1)
    void eachRecipientsTroubleIsRiddenOutAndOneDownRecipientDelaysNoOther() {
        // 0599: 500, then 503 asking to wait a second, then fine.
        receivers.stubFor(post("/hooks/0599").inScenario("0599").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("second"));
        receivers.stubFor(post("/hooks/0599").inScenario("0599").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        receivers.stubFor(post("/hooks/0599").inScenario("0599").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)));
        // 0518: the connection is reset twice.
        receivers.stubFor(post("/hooks/0518").inScenario("0518").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("again"));
        receivers.stubFor(post("/hooks/0518").inScenario("0518").whenScenarioStateIs("again")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        receivers.stubFor(post("/hooks/0518").inScenario("0518").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)));
        // 0362: the first answer comes (and is processed) well after the hub's 500 ms read timeout.
        receivers.stubFor(post("/hooks/0362").inScenario("0362").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(1_500)).willSetStateTo("ok"));
        receivers.stubFor(post("/hooks/0362").inScenario("0362").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)));
        // 0363 is down for its first 6 attempts (about 3 s of back-off), then back; swv refuses everything (step 2).
        for (int attempt = 0; attempt < 6; attempt++) {
            receivers.stubFor(post("/hooks/0363").inScenario("0363")
                    .whenScenarioStateIs(attempt == 0 ? STARTED : "down-" + attempt)
                    .willReturn(aResponse().withStatus(503)).willSetStateTo(attempt == 5 ? "back" : "down-" + (attempt + 1)));
        }
        receivers.stubFor(post("/hooks/0363").inScenario("0363").whenScenarioStateIs("back")
                .willReturn(aResponse().withStatus(200)));
        receivers.stubFor(post("/hooks/swv").willReturn(aResponse().withStatus(400)));

        storePages(REGION.subList(0, HALF));

        for (String client : List.of("leerplicht-0599", "leerplicht-0518", "leerplicht-0362", "jgz-ggd-amsterdam",
                "leerplicht-0384")) {
            Eventually.await(client + " has everything", Duration.ofSeconds(120), () -> PushReceivers.drained(jdbc, client));
        }

        List<ServeEvent> rotterdam = PushReceivers.requests(receivers, "/hooks/0599");
        assertThat(rotterdam.subList(0, 3)).extracting(e -> e.getResponse().getStatus()).containsExactly(500, 503, 200);
        assertThat(rotterdam.get(2).getRequest().getLoggedDate().getTime()
                - rotterdam.get(1).getRequest().getLoggedDate().getTime()).as("Retry-After: 1 honoured")
                .isGreaterThanOrEqualTo(1_000);
        assertThat(PushReceivers.requests(receivers, "/hooks/0518").subList(0, 3))
                .extracting(e -> e.getResponseDefinition().getFault() != null).containsExactly(true, true, false);
        List<ServeEvent> amstelveen = PushReceivers.requests(receivers, "/hooks/0362");
        assertThat(amstelveen.get(1).getRequest().getHeader("Idempotency-Key"))
                .as("the request that timed out is retried under its key")
                .isEqualTo(amstelveen.get(0).getRequest().getHeader("Idempotency-Key"));

        // 0363 comes back after many failed attempts, and then gets everything.
        Eventually.await("0363 has everything", Duration.ofSeconds(90), () -> PushReceivers.drained(jdbc, "leerplicht-0363"));
        List<ServeEvent> amsterdam = PushReceivers.requests(receivers, "/hooks/0363");
        assertThat(amsterdam.subList(0, 7)).extracting(e -> e.getResponse().getStatus())
                .containsExactly(503, 503, 503, 503, 503, 503, 200);
        assertThat(amsterdam.subList(0, 7)).extracting(e -> e.getRequest().getHeader("Idempotency-Key"))
                .containsOnly(amsterdam.get(0).getRequest().getHeader("Idempotency-Key"));
        long firstDelivered = jdbc.queryForObject("select min(delivered_at) from outbox_batch"
                + " where recipient_id <> 'leerplicht-0363' and status = 'DELIVERED'", java.sql.Timestamp.class).getTime();
        assertThat(firstDelivered).as("others were served while 0363 was down")
                .isLessThan(amsterdam.get(6).getRequest().getLoggedDate().getTime());

        for (String client : List.of("leerplicht-0363", "leerplicht-0599", "leerplicht-0518", "leerplicht-0362")) {
            assertWebhookReceivedEachExactlyOnce(client, "/hooks/" + client.substring("leerplicht-".length()));
        }
    }

    @Test
    @Order(2)
    void aRefusedBatchBecomesADeadLetterThatHoldsUpItsLaneUntilAnOperatorReplaysIt() throws Exception {
        Eventually.await("swv's first batch is a dead letter", Duration.ofSeconds(60), () -> jdbc.queryForObject(
                "select count(*) from outbox_batch where recipient_id = 'swv-vo2701' and status = 'DEAD'", Long.class) == 1);
        List<ServeEvent> refused = PushReceivers.requests(receivers, "/hooks/swv");
        assertThat(refused).hasSize(8).extracting(e -> e.getRequest().getHeader("Idempotency-Key")).containsOnly(
                refused.get(0).getRequest().getHeader("Idempotency-Key"));
        assertThat(jdbc.queryForList("select outcome from outbox_attempt a join outbox_batch b on b.id = a.batch_id"
                + " where b.recipient_id = 'swv-vo2701' order by a.id", String.class))
                .containsExactly("FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "DEAD");
        long queued = PushReceivers.queued(jdbc, "swv-vo2701").size();
        assertThat(queued).as("enough for more than one batch").isGreaterThan(20);

        ApiClient hub = new ApiClient(port);
        String operator = hub.token("hub-operator");
        ApiClient.Response list = hub.get("/api/v1/dead-letters?recipient=swv-vo2701", operator);
        assertThat(list.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> letters = (List<Map<String, Object>>) list.json().get("deadLetters");
        // The first batch holds what was queued when the outbox formed it: a full batch (20), or fewer when it
        // polled before the next register page was stored.
        long inDeadBatch = jdbc.queryForObject("select count(*) from outbox_item t join outbox_batch b"
                + " on b.id = t.batch_id where b.recipient_id = 'swv-vo2701' and b.status = 'DEAD'", Long.class);
        assertThat(inDeadBatch).isBetween(1L, 20L);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter).containsEntry("recipient", "swv-vo2701").containsEntry("connector", "webhook")
                    .containsEntry("attempts", 8).containsEntry("lastError", "HTTP 400")
                    .containsEntry("items", (int) inDeadBatch)
                    .containsEntry("idempotencyKey", refused.get(0).getRequest().getHeader("Idempotency-Key"))
                    .containsEntry("waitingBehind", (int) (queued - inDeadBatch));
        });
        assertThat(list.body()).doesNotContain("bsn", "pseudonym");
        long id = ((Number) letters.get(0).get("id")).longValue();

        ApiClient.Response forbidden = hub.get("/api/v1/dead-letters", hub.token("leerplicht-0363"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(operatorPost("/api/v1/dead-letters/" + id + "/replay", hub.token("fg-privacy")).statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = operatorPost("/api/v1/dead-letters/999999/replay", operator);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        long delivered = jdbc.queryForObject("select min(id) from outbox_batch where status = 'DELIVERED'", Long.class);
        HttpResponse<String> notDead = operatorPost("/api/v1/dead-letters/" + delivered + "/replay", operator);
        assertThat(notDead.statusCode()).isEqualTo(409);
        assertThat(notDead.body()).contains("not a dead letter");
        assertThat(hub.get("/api/v1/dead-letters?limit=0", operator).status()).isEqualTo(400);
        assertThat(PushReceivers.requests(receivers, "/hooks/swv")).as("nothing later overtook the dead letter")
                .hasSize(8);

        receivers.stubFor(post("/hooks/swv").willReturn(aResponse().withStatus(200)));
        assertThat(operatorPost("/api/v1/dead-letters/" + id + "/replay", operator).statusCode()).isEqualTo(202);
        Eventually.await("swv has everything", Duration.ofSeconds(60), () -> PushReceivers.drained(jdbc, "swv-vo2701"));

        List<PushReceivers.Processed> processed = PushReceivers.processed(receivers, "/hooks/swv");
        assertThat(processed.get(0).key()).as("the replayed batch went first, under its own key")
                .isEqualTo(refused.get(0).getRequest().getHeader("Idempotency-Key"));
        assertWebhookReceivedEachExactlyOnce("swv-vo2701", "/hooks/swv");
        List<PushAuditItems.Item> dead = PushAuditItems.deadLettered(jdbc, "swv-vo2701");
        assertThat(dead).as("the dead letter's deliveries, each once, in one FAILED entry naming batch and key")
                .extracting(PushAuditItems.Item::deliveryId).containsExactlyElementsOf(jdbc.queryForList(
                        "select delivery_id from outbox_item where batch_id = ? order by delivery_id", Long.class, id));
        assertThat(dead).extracting(PushAuditItems.Item::entryId).containsOnly(dead.get(0).entryId());
        String items = dead.size() == 1 ? "1 item" : dead.size() + " items";
        assertThat(dead).extracting(PushAuditItems.Item::reason).containsOnly("push dead-lettered via webhook: batch "
                + id + ", " + items + ", Idempotency-Key " + refused.get(0).getRequest().getHeader("Idempotency-Key")
                + ", after 8 attempts, last: HTTP 400");
        assertThat(hub.get("/api/v1/dead-letters", operator).json().get("deadLetters")).asList().isEmpty();
    }

    @Test
    @Order(3)
    void withdrawalsReachEveryRecipientThatReceivedTheRecordThroughItsOwnConnector() throws Exception {
        storePages(REGION.subList(HALF, REGION.size()));
        List<String> pushed = List.of("leerplicht-0363", "leerplicht-0599", "leerplicht-0518", "leerplicht-0362",
                "swv-vo2701", "jgz-ggd-amsterdam", "leerplicht-0384");
        for (String client : pushed) {
            Eventually.await(client + " has everything", Duration.ofSeconds(120), () -> PushReceivers.drained(jdbc, client));
        }
        Set<String> withdrawn = new HashSet<>(jdbc.queryForList(
                "select kind || '/' || record_id from register_record where action = 'INGETROKKEN'", String.class));
        int retractionsOfReceivedRecords = 0;
        for (String client : pushed) {
            List<Map<String, Object>> items = client.equals("jgz-ggd-amsterdam") ? fileItems()
                    : client.equals("leerplicht-0384") ? csvItems(sftpRoot.resolve("inbox"))
                    : PushReceivers.processed(receivers, "/hooks/" + (client.startsWith("swv") ? "swv"
                    : client.substring("leerplicht-".length()))).stream().flatMap(p -> p.items().stream()).toList();
            Map<String, Long> lastDisclosure = new HashMap<>();
            Map<String, Long> retraction = new HashMap<>();
            for (Map<String, Object> item : items) {
                String record = item.get("kind") + "/" + item.get("id");
                long sequence = ((Number) item.get("sequence")).longValue();
                (("INGETROKKEN".equals(item.get("action"))) ? retraction : lastDisclosure).put(record, sequence);
            }
            for (Map.Entry<String, Long> received : lastDisclosure.entrySet()) {
                if (withdrawn.contains(received.getKey())) {
                    assertThat(retraction.get(received.getKey())).as(client + " is told to drop " + received.getKey())
                            .isNotNull().isGreaterThan(received.getValue());
                    retractionsOfReceivedRecords++;
                }
            }
            // The pull feed reflects the same deliveries: every item it serves was pushed, with the same content.
            if (client.startsWith("leerplicht-0363")) {
                Map<Long, Map<String, Object>> pushedBySequence = new HashMap<>();
                items.forEach(item -> pushedBySequence.put(((Number) item.get("sequence")).longValue(), item));
                List<Map<String, Object>> feed = new ApiClient(port).feed(client, 0).items();
                assertThat(feed).isNotEmpty().allSatisfy(item -> assertThat(pushedBySequence.get(
                        ((Number) item.get("sequence")).longValue())).isEqualTo(item));
            }
        }
        assertThat(retractionsOfReceivedRecords).as("the second half withdraws records pushed in the first")
                .isPositive();
        for (String client : pushed) {
            if (!client.equals("jgz-ggd-amsterdam") && !client.equals("leerplicht-0384")) {
                assertWebhookReceivedEachExactlyOnce(client, "/hooks/" + (client.startsWith("swv") ? "swv"
                        : client.substring("leerplicht-".length())));
            }
        }
        VerificationResult chain = auditLog.verify();
        assertThat(chain.valid()).isTrue();
    }

    @Test
    @Order(4)
    void theFileShareHoldsEachBatchOnceWithAManifestThatMatches() throws Exception {
        List<Map<String, Object>> items = fileItems();
        Map<Long, String> audited = PushAuditItems.delivered(jdbc, "jgz-ggd-amsterdam");
        assertThat(items).extracting(i -> ((Number) i.get("sequence")).longValue())
                .containsExactlyInAnyOrderElementsOf(audited.keySet()).doesNotHaveDuplicates();
        try (Stream<Path> files = Files.list(shareDirectory)) {
            List<Path> all = files.toList();
            assertThat(all).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
            for (Path manifest : all.stream().filter(p -> p.toString().endsWith(".manifest.json")).toList()) {
                Map<?, ?> content = JSON.readValue(manifest.toFile(), Map.class);
                byte[] data = Files.readAllBytes(shareDirectory.resolve((String) content.get("file")));
                assertThat(content.get("sha256")).isEqualTo(nl.verzuimhub.connectors.push.BatchFiles.sha256(data));
                assertThat(audited.values()).contains((String) content.get("idempotencyKey"));
            }
        }
    }

    @Test
    @Order(5)
    void theSftpServerHoldsEachBatchOnceAsCsvWithAManifestThatMatches() throws Exception {
        Path inbox = sftpRoot.resolve("inbox");
        List<Map<String, Object>> items = csvItems(inbox);
        Map<Long, String> audited = PushAuditItems.delivered(jdbc, "leerplicht-0384");
        assertThat(items).isNotEmpty().extracting(i -> ((Number) i.get("sequence")).longValue())
                .containsExactlyInAnyOrderElementsOf(audited.keySet()).doesNotHaveDuplicates().isSorted();
        try (Stream<Path> files = Files.list(inbox)) {
            List<Path> all = files.toList();
            assertThat(all).noneMatch(p -> p.getFileName().toString().startsWith("."));
            for (Path manifest : all.stream().filter(p -> p.toString().endsWith(".manifest.json")).toList()) {
                Map<?, ?> content = JSON.readValue(manifest.toFile(), Map.class);
                byte[] data = Files.readAllBytes(inbox.resolve((String) content.get("file")));
                assertThat(content.get("sha256")).isEqualTo(nl.verzuimhub.connectors.push.BatchFiles.sha256(data));
                assertThat(((Number) content.get("count")).intValue())
                        .isEqualTo(new String(data, java.nio.charset.StandardCharsets.UTF_8).split("\r\n").length - 1);
            }
        }
    }

    @Test
    @Order(6)
    void aClientRevokedByAnotherInstanceIsPushedNothingMoreWhileTheOthersGoOn() {
        // Revoked in the shared table, as another hub instance does: this instance's directory does not know yet, so
        // its deliveries are still queued, and the dispatcher must be the one that refuses to send them.
        jdbc.update("update client_registration set revoked = true, revoked_at = now() where client_id = 'leerplicht-0518'");
        long next = store.nextSequence();
        store.store(new RegisterPage(next, List.of(sickReport(next, "ZM-REVOKED-0518", "123456782", "0518"),
                sickReport(next + 1, "ZM-LIVE-0599", "111222333", "0599")), next + 2, false));
        Eventually.await("0599 has its new sick report", Duration.ofSeconds(60),
                () -> PushReceivers.drained(jdbc, "leerplicht-0599") && PushReceivers.processed(receivers, "/hooks/0599")
                        .stream().flatMap(p -> p.items().stream()).anyMatch(i -> "ZM-LIVE-0599".equals(i.get("id"))));
        assertThat(jdbc.queryForObject("select count(*) from delivery where recipient_id = 'leerplicht-0518'"
                + " and record_id = 'ZM-REVOKED-0518'", Long.class)).as("queued, as the register asked").isEqualTo(1);
        int requestsBefore = PushReceivers.requests(receivers, "/hooks/0518").size();
        try {
            Thread.sleep(1_500); // 30 dispatcher polls
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(PushReceivers.requests(receivers, "/hooks/0518")).as("nothing pushed to the revoked client")
                .hasSize(requestsBefore);
        assertThat(PushReceivers.drained(jdbc, "leerplicht-0518")).isFalse();
    }

    /** A sick report of a synthetic pupil (BSN passing the eleven-test) living in {@code municipality}. */
    private static Mutation sickReport(long sequence, String id, String bsn, String municipality) {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2025-03-10T09:00:00+01:00");
        return new Mutation(sequence, nl.verzuimhub.core.record.MutationAction.NIEUW, at,
                new nl.verzuimhub.core.record.SickReport(id, 1, new nl.verzuimhub.core.record.Pupil(
                        nl.verzuimhub.core.identity.PupilIdentifier.bsn(bsn), java.time.LocalDate.of(2013, 5, 1),
                        municipality, null), new nl.verzuimhub.core.record.Enrolment("12AB", "00", "PO", "PO2801", 6),
                        new nl.verzuimhub.core.record.Period(java.time.LocalDate.of(2025, 3, 10),
                                java.time.LocalDate.of(2025, 3, 11)), at));
    }

    /** The first five CSV columns (never quoted) of every data file, in file-name (delivery) order. */
    private static List<Map<String, Object>> csvItems(Path directory) throws IOException {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                List<String> lines = List.of(Files.readString(file).split("\r\n"));
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",", 6);
                    items.add(Map.of("sequence", Long.parseLong(cells[0]), "kind", cells[1], "id", cells[2],
                            "action", cells[4]));
                }
            }
        }
        return items;
    }

    private void assertWebhookReceivedEachExactlyOnce(String client, String path) {
        PushReceivers.assertSameItemsPerKey(receivers, path);
        Map<Long, String> received = PushReceivers.sequencesByKey(PushReceivers.processed(receivers, path));
        Map<Long, String> audited = PushAuditItems.delivered(jdbc, client);
        assertThat(received).as(client + ": processed once per key, as audited").isNotEmpty().isEqualTo(audited);
        assertThat(received.keySet()).as(client + ": every queued delivery arrived (a withdrawn one as a retraction)")
                .containsAll(PushReceivers.queued(jdbc, client));
        assertThat(PushAuditItems.queued(jdbc, client)).as(client + ": every queued delivery audited as queued once")
                .containsExactlyInAnyOrderElementsOf(PushReceivers.queued(jdbc, client));
        List<Long> order = PushReceivers.processed(receivers, path).stream().flatMap(p -> p.items().stream())
                .map(i -> ((Number) i.get("sequence")).longValue()).toList();
        assertThat(order).as(client + ": strictly in order").isSorted();
    }

    /** The items of the file share's XML files, in file-name (delivery) order. */
    private static List<Map<String, Object>> fileItems() throws Exception {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(shareDirectory)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                var root = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                        .parse(file.toFile()).getDocumentElement();
                var nodes = root.getElementsByTagNameNS(nl.verzuimhub.connectors.push.BatchFiles.XML_NAMESPACE, "item");
                for (int i = 0; i < nodes.getLength(); i++) {
                    var element = (org.w3c.dom.Element) nodes.item(i);
                    items.add(Map.of("sequence", Long.parseLong(element.getAttribute("sequence")),
                            "kind", element.getAttribute("kind"), "id", element.getAttribute("id"),
                            "action", element.getAttribute("action")));
                }
            }
        }
        return items;
    }

    private static int firstWithdrawalAfterHalfway() {
        return java.util.stream.IntStream.range(REGION.size() / 2, REGION.size())
                .filter(i -> REGION.get(i).action() == nl.verzuimhub.core.record.MutationAction.INGETROKKEN)
                .findFirst().orElseThrow();
    }

    private void storePages(List<Mutation> mutations) {
        for (int from = 0; from < mutations.size(); from += 100) {
            List<Mutation> page = mutations.subList(from, Math.min(from + 100, mutations.size()));
            store.store(new RegisterPage(store.nextSequence(), page, page.get(page.size() - 1).sequence() + 1, false));
        }
    }

    private HttpResponse<String> operatorPost(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
