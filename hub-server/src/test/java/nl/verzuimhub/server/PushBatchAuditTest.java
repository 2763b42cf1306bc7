package nl.verzuimhub.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.server.dashboard.report.ReportService;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository;
import nl.verzuimhub.server.dashboard.search.DashboardEntry;
import nl.verzuimhub.server.dashboard.search.SearchCriteria;
import nl.verzuimhub.server.outbox.Outbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Push audit entries record their deliveries as items (hash format 3), like a served feed page: the deliveries one
 * transaction queues are one "push queued" entry per recipient, purpose and legal basis, and an acknowledged batch is
 * one "push delivered" entry per legal basis. Every subject view still shows them per item: the dashboard's search,
 * count and stream and the audit API show each of a child's queued and delivered items, and none of another child's
 * items of the same entry; the subject-access report lists each delivered item once; the statistics count items; the
 * chain verifies.
 *
 * <p>The deliveries are rows written here (ids far beyond anything else), queued through the {@link Outbox} in one
 * transaction and pushed by the hub's dispatcher to a WireMock webhook; the register (WireMock) has nothing, so no
 * other delivery is queued.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PushBatchAuditTest {
    static final long FIRST = 60_000_001L;
    static final String ALICE = "111222333";
    static final String BOB = "123456782";
    static final String CAROL = "725763863";
    static final String BASIS = "Leerplichtwet 1969 art. 21a";
    static final String OTHER_BASIS = "Leerplichtwet 1969 art. 18";
    static final String SWV_BASIS = "WVO 2020 art. 2.2";
    static final String SECRET = "push-secret-for-tests-0001";
    static final WireMockServer wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        wiremock.start();
        wiremock.stubFor(get(urlPathEqualTo("/v1/mutaties")).willReturn(aResponse().withStatus(204)));
        wiremock.stubFor(post("/hooks/0363").willReturn(aResponse().withStatus(200)));
        wiremock.stubFor(post("/hooks/swv").willReturn(aResponse().withStatus(200)));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubjectHasher hasher;
    @Autowired
    AuditReadRepository dashboard;
    @Autowired
    ReportService reports;
    @Autowired
    AuditLog auditLog;
    @Autowired
    Outbox outbox;
    @Autowired
    PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void hubSettings(DynamicPropertyRegistry properties) {
        properties.add("hub.embedded-postgres.data-dir", () -> "");
        properties.add("hub.register.base-url", wiremock::baseUrl);
        properties.add("hub.register.poll-interval", () -> "1h");
        properties.add("hub.outbox.poll-interval", () -> "50ms");
        PushReceivers.webhook(properties, "leerplicht-0363", wiremock.baseUrl() + "/hooks/0363", SECRET, "2s");
        PushReceivers.webhook(properties, "swv-vo2701", wiremock.baseUrl() + "/hooks/swv", SECRET, "2s");
    }

    @AfterAll
    static void stopServers() {
        wiremock.stop();
    }

    @Test
    void queuedAndDeliveredAreOneEntryPerGroupWithEveryItemAndEachChildSeesOnlyItsOwnItems() {
        String alice = hasher.hash(ALICE);
        String bob = hasher.hash(BOB);
        String carol = hasher.hash(CAROL);
        long entriesBefore = count("select count(*) from audit_entry");
        Map<String, Long> dailyBefore = AuditItemFixtures.dailyByAction(dashboard, "leerplicht-0363");

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            delivery(FIRST, "leerplicht-0363", "leerplicht", BASIS, alice, "VM-P-1", "NIEUW");
            delivery(FIRST + 1, "leerplicht-0363", "leerplicht", BASIS, bob, "VM-P-2", "NIEUW");
            delivery(FIRST + 2, "swv-vo2701", "passend-onderwijs", SWV_BASIS, carol, "VM-P-3", "NIEUW");
            delivery(FIRST + 3, "leerplicht-0363", "leerplicht", BASIS, alice, "VM-P-4", "INGETROKKEN");
            delivery(FIRST + 4, "leerplicht-0363", "leerplicht", OTHER_BASIS, alice, "VM-P-5", "GEWIJZIGD");
            delivery(FIRST + 5, "leerplicht-0363", "leerplicht", BASIS, bob, "VM-P-6", "GEWIJZIGD");
            outbox.queue(List.of(FIRST, FIRST + 1, FIRST + 2), Instant.now());
            outbox.queue(List.of(FIRST + 3, FIRST + 4, FIRST + 5), Instant.now());
        });

        // queued: one entry per recipient, purpose and legal basis of the transaction, items in queue order
        List<Map<String, Object>> queued = entries("push queued%");
        assertThat(queued).extracting(e -> e.get("recipient_id"), e -> e.get("legal_basis"), e -> e.get("ids"),
                e -> e.get("reason"), e -> e.get("action")).containsExactly(
                tuple("leerplicht-0363", BASIS, ids(0, 1, 3, 5), "push queued via webhook: 4 items", "DISCLOSE"),
                tuple("swv-vo2701", SWV_BASIS, ids(2), "push queued via webhook: 1 item", "DISCLOSE"),
                tuple("leerplicht-0363", OTHER_BASIS, ids(4), "push queued via webhook: 1 item", "DISCLOSE"));
        assertShape(queued, "SUCCESS");

        Eventually.await("both batches delivered", Duration.ofSeconds(30), () -> count(
                "select count(*) from outbox_batch where status = 'DELIVERED'") == 2);
        // delivered: one entry per legal basis of each acknowledged batch, naming batch and key
        List<Map<String, Object>> delivered = entries("push delivered%");
        String key0363 = jdbc.queryForObject("select idempotency_key from outbox_batch where recipient_id ="
                + " 'leerplicht-0363'", String.class);
        long batch0363 = jdbc.queryForObject("select id from outbox_batch where recipient_id = 'leerplicht-0363'",
                Long.class);
        assertThat(delivered).extracting(e -> e.get("recipient_id"), e -> e.get("legal_basis"), e -> e.get("ids"))
                .containsExactlyInAnyOrder(tuple("leerplicht-0363", BASIS, ids(0, 1, 3, 5)),
                        tuple("leerplicht-0363", OTHER_BASIS, ids(4)), tuple("swv-vo2701", SWV_BASIS, ids(2)));
        assertThat(delivered).filteredOn(e -> e.get("legal_basis").equals(BASIS)).singleElement()
                .satisfies(e -> assertThat((String) e.get("reason")).isEqualTo("push delivered via webhook: batch "
                        + batch0363 + ", 4 items, Idempotency-Key " + key0363 + ", HTTP 200"));
        assertShape(delivered, "SUCCESS");
        assertThat((Long) delivered.get(0).get("id")).as("queued evidence first").isGreaterThan(
                (Long) queued.get(queued.size() - 1).get("id"));
        assertThat(count("select count(*) from audit_entry")).as("six entries, not twelve")
                .isEqualTo(entriesBefore + 6);

        // the dashboard's search, count and stream: alice's items of both kinds, per item, nothing of bob's or carol's
        List<DashboardEntry> aliceRows = pushRows(dashboard.search(SearchCriteria.subject(alice), 1000));
        assertThat(aliceRows).extracting(DashboardEntry::recordId, DashboardEntry::action, DashboardEntry::outcome)
                .containsExactlyInAnyOrder(tuple("VM-P-1", "DISCLOSE", "SUCCESS"),
                        tuple("VM-P-4", "RETRACT", "SUCCESS"), tuple("VM-P-5", "DISCLOSE", "SUCCESS"),
                        tuple("VM-P-1", "DISCLOSE", "SUCCESS"), tuple("VM-P-4", "RETRACT", "SUCCESS"),
                        tuple("VM-P-5", "DISCLOSE", "SUCCESS"));
        assertThat(aliceRows).filteredOn(row -> row.reason().startsWith("push queued")).hasSize(3);
        assertThat(aliceRows).filteredOn(row -> row.reason().startsWith("push delivered")).hasSize(3);
        assertThat(aliceRows).allSatisfy(row -> {
            assertThat(row.subjectHash()).isEqualTo(alice);
            assertThat(row.recipientId()).isEqualTo("leerplicht-0363");
            assertThat(row.policyId()).isEqualTo("rule-P");
            assertThat(row.decisionId()).startsWith("decision-");
        });
        assertThat(aliceRows).filteredOn(row -> row.recordId().equals("VM-P-5"))
                .extracting(DashboardEntry::legalBasis).containsOnly(OTHER_BASIS);
        assertThat(aliceRows).filteredOn(row -> row.recordId().equals("VM-P-4"))
                .allSatisfy(row -> assertThat(row.fields()).isEmpty());
        assertThat(dashboard.search(SearchCriteria.subject(alice), 1000)).extracting(DashboardEntry::subjectHash)
                .containsOnly(alice);
        assertThat(dashboard.count(SearchCriteria.subject(alice)))
                .isEqualTo(dashboard.search(SearchCriteria.subject(alice), 1000).size()).isEqualTo(6);
        List<String> aliceStream = new ArrayList<>();
        dashboard.stream(SearchCriteria.subject(alice), Long.MAX_VALUE, row -> aliceStream.add(row.subjectHash()));
        assertThat(aliceStream).hasSize(6).containsOnly(alice);
        assertThat(pushRows(dashboard.search(SearchCriteria.subject(bob), 1000))).extracting(DashboardEntry::recordId)
                .containsExactlyInAnyOrder("VM-P-2", "VM-P-6", "VM-P-2", "VM-P-6");
        assertThat(pushRows(dashboard.search(SearchCriteria.subject(carol), 1000)))
                .extracting(DashboardEntry::recordId, DashboardEntry::recipientId)
                .containsOnly(tuple("VM-P-3", "swv-vo2701")).hasSize(2);

        // the subject-access report: a line per item as delivered; being queued is not a disclosure
        assertThat(AuditItemFixtures.reportLines(reports, alice)).hasSize(3);
        assertThat(AuditItemFixtures.reportLines(reports, bob)).hasSize(2);

        // the audit API's search by BSN: alice's items only, each with its entry's id and its delivery id
        ApiClient hub = new ApiClient(port);
        String officer = hub.token("fg-privacy");
        ApiClient.Response search = hub.get("/api/v1/audit/entries?subject=" + ALICE + "&limit=1000", officer);
        assertThat(search.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> views = ((List<Map<String, Object>>) search.json().get("entries")).stream()
                .filter(view -> "PUSH".equals(view.get("channel"))).toList();
        assertThat(views).extracting(view -> ((Number) view.get("deliveryId")).longValue())
                .containsExactlyInAnyOrder(FIRST, FIRST + 3, FIRST + 4, FIRST, FIRST + 3, FIRST + 4);
        assertThat(views).allSatisfy(view -> assertThat(view).containsEntry("subjectHash", alice)
                .containsEntry("hashFormat", 3));
        assertThat(search.body()).doesNotContain(bob).doesNotContain(carol).doesNotContain("VM-P-2")
                .doesNotContain("VM-P-3").doesNotContain("VM-P-6").doesNotContain(ALICE);

        // statistics count items once, as delivered (not again as queued): four disclosures and one retraction
        // for leerplicht-0363
        Map<String, Long> dailyAfter = AuditItemFixtures.dailyByAction(dashboard, "leerplicht-0363");
        assertThat(dailyAfter.getOrDefault("DISCLOSE", 0L) - dailyBefore.getOrDefault("DISCLOSE", 0L)).isEqualTo(4);
        assertThat(dailyAfter.getOrDefault("RETRACT", 0L) - dailyBefore.getOrDefault("RETRACT", 0L)).isEqualTo(1);

        assertThat(auditLog.verify().valid()).isTrue();
        Map<String, Object> verification = hub.get("/api/v1/audit/verify", officer).json();
        assertThat(verification).containsEntry("valid", true);
    }

    /** Every entry is a PUSH entry in format 3 with the outcome, and none has per-record parts of its own. */
    private static void assertShape(List<Map<String, Object>> entries, String outcome) {
        assertThat(entries).allSatisfy(entry -> assertThat(entry).containsEntry("hash_format", 3)
                .containsEntry("channel", "PUSH").containsEntry("outcome", outcome)
                .containsEntry("subject_hash", null).containsEntry("record_id", null));
    }

    /** The entries holding this test's deliveries whose reason is like {@code reason}, in log order. */
    private List<Map<String, Object>> entries(String reason) {
        return jdbc.queryForList("select id, hash_format, action, outcome, channel, recipient_id, legal_basis,"
                + " subject_hash, record_id, reason, item_delivery_ids::text as ids from audit_entry"
                + " where item_delivery_ids && array[?, ?, ?, ?, ?, ?]::bigint[] and reason like ? order by id",
                FIRST, FIRST + 1, FIRST + 2, FIRST + 3, FIRST + 4, FIRST + 5, reason);
    }

    /** The ids {@code FIRST + offset} as PostgreSQL prints a bigint array. */
    private static String ids(int... offsets) {
        List<String> ids = new ArrayList<>();
        for (int offset : offsets) {
            ids.add(Long.toString(FIRST + offset));
        }
        return "{" + String.join(",", ids) + "}";
    }

    private static List<DashboardEntry> pushRows(List<DashboardEntry> rows) {
        return rows.stream().filter(row -> "PUSH".equals(row.channel())).toList();
    }

    private void delivery(long id, String recipient, String purpose, String legalBasis, String subject,
                          String recordId, String action) {
        AuditItemFixtures.delivery(jdbc, id, recipient, purpose, legalBasis, "rule-P", subject, recordId, action);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
