package nl.verzuimhub.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.verzuimhub.core.disclosure.DataField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The walking skeleton end to end on real parts: WireMock plays the national register and serves the interface's
 * sample pages; the hub (embedded PostgreSQL, embedded authorization server, Camel route, policies, audit log) runs
 * for real; each demo client fetches its feed over HTTP with a real token.
 *
 * <p>The steps build on each other (the register moves on), so they run in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.springframework.test.annotation.DirtiesContext
class RegisterToRecipientsEndToEndTest {
    static final WireMockServer register = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        register.start();
        serve(0, 200, sample("page-1.xml"));
        serve(1007, 204, "");
    }

    static final Set<String> ATTENDANCE_OFFICER_REPORT_V1 = Set.of("bsn", "birthDate", "municipality", "postcode",
            "brin", "branch", "sector", "partnership", "grade", "absenceType", "periodStart", "periodEnd", "hours",
            "days", "allLessonsMissed", "suspectedReason", "schoolAction", "municipalActionRequested", "reporter",
            "status", "reportedOn", "lastChanged");
    static final Set<String> ATTENDANCE_OFFICER_EXEMPTION = Set.of("bsn", "birthDate", "municipality", "brin",
            "sector", "partnership", "periodStart", "periodEnd", "article", "previouslyExempt", "grounds", "status",
            "lastChanged");
    static final Set<String> ATTENDANCE_OFFICER_SICK_REPORT = Set.of("bsn", "birthDate", "municipality", "brin",
            "sector", "partnership", "periodStart", "periodEnd", "lastChanged");
    static final Set<String> PARTNERSHIP_REPORT_V1 = Set.of("pseudonym", "birthYear", "municipality", "brin", "branch",
            "sector", "partnership", "grade", "absenceType", "periodStart", "periodEnd", "hours", "days",
            "allLessonsMissed", "municipalActionRequested", "status", "reportedOn", "lastChanged");
    static final Set<String> YOUTH_DOCTOR_SICK_REPORT = Set.of("bsn", "birthDate", "brin", "sector", "periodStart",
            "periodEnd");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.apache.camel.CamelContext camel;
    @Autowired
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void hubSettings(DynamicPropertyRegistry properties) {
        properties.add("hub.register.base-url", register::baseUrl);
        properties.add("hub.register.poll-interval", () -> "200ms");
        properties.add("hub.register.read-timeout", () -> "1s");
        properties.add("hub.embedded-postgres.data-dir", () -> "");
    }

    @AfterAll
    static void stopRegister() {
        register.stop();
    }

    @Test
    @Order(1)
    void firstPageReachesEachRecipientExactlyAsItsPolicyAllows() {
        awaitCursor(1007);
        ApiClient hub = new ApiClient(port);

        List<Map<String, Object>> leerplicht = hub.feed("leerplicht-0363", 0).items();
        assertThat(leerplicht).extracting(i -> i.get("id"), i -> i.get("version"), i -> i.get("action"), i -> i.get("kind"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VM-2024-000101", 1, "NIEUW", "VERZUIMMELDING"),
                        org.assertj.core.groups.Tuple.tuple("VR-2024-000201", 1, "NIEUW", "VRIJSTELLING"),
                        org.assertj.core.groups.Tuple.tuple("ZM-2024-000301", 1, "NIEUW", "ZIEKMELDING"));
        assertThat(dataKeys(leerplicht.get(0))).isEqualTo(ATTENDANCE_OFFICER_REPORT_V1);
        assertThat(dataKeys(leerplicht.get(1))).isEqualTo(ATTENDANCE_OFFICER_EXEMPTION);
        assertThat(dataKeys(leerplicht.get(2))).isEqualTo(ATTENDANCE_OFFICER_SICK_REPORT);
        assertThat(data(leerplicht.get(0))).containsEntry("bsn", "725763863").containsEntry("hours", 17)
                .containsEntry("reporter", Map.of("name", "J. de Vries", "role", "Verzuimcoordinator",
                        "phone", "020-5550101", "email", "verzuim@school.example"));

        List<Map<String, Object>> partnership = hub.feed("swv-vo2701", 0).items();
        assertThat(partnership).extracting(i -> i.get("id"), i -> i.get("version"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VM-2024-000101", 1));
        assertThat(dataKeys(partnership.get(0))).isEqualTo(PARTNERSHIP_REPORT_V1);
        assertThat(data(partnership.get(0))).containsEntry("birthYear", 2011);
        assertThat((String) data(partnership.get(0)).get("pseudonym")).matches("[0-9a-f]{32}");
        assertThat(partnership.get(0).toString()).doesNotContain("725763863", "buikpijn", "Gesprek mentor", "de Vries");

        List<Map<String, Object>> youthDoctor = hub.feed("jgz-ggd-amsterdam", 0).items();
        assertThat(youthDoctor).extracting(i -> i.get("id")).containsExactly("ZM-2024-000301");
        assertThat(dataKeys(youthDoctor.get(0))).isEqualTo(YOUTH_DOCTOR_SICK_REPORT);
    }

    @Test
    @Order(2)
    void servingTheSamePageAgainChangesNothing() {
        long deliveriesBefore = count("delivery");
        String feedBefore = itemsWithoutVolatileParts(new ApiClient(port).feed("leerplicht-0363", 0).items());

        register.resetRequests();
        serve(1007, 200, sample("page-1.xml"));
        // Polls are one after the other: the third request comes only after a served page was handled.
        awaitRequestsFor(1007, 3);
        serve(1007, 204, "");

        assertThat(count("delivery")).isEqualTo(deliveriesBefore);
        assertThat(cursor()).isEqualTo(1007);
        assertThat(itemsWithoutVolatileParts(new ApiClient(port).feed("leerplicht-0363", 0).items()))
                .isEqualTo(feedBefore);
    }

    @Test
    @Order(3)
    void anInvalidPageIsQuarantinedWholeAndDisclosesNothing() {
        long deliveriesBefore = count("delivery");
        String invalid = sample("page-2.xml").replace("<Bsn>725763863</Bsn>", "<Bsn>725763864</Bsn>");

        register.resetRequests();
        serve(1007, 200, invalid);
        // Not "two requests seen": one of them may be a poll answered 204 just before the invalid page was served,
        // and the second is counted when it is served, before the hub has handled it.
        Eventually.await("the invalid page is quarantined", Duration.ofSeconds(30),
                () -> count("register_quarantine") == 1);
        serve(1007, 204, "");

        assertThat(count("register_quarantine")).isEqualTo(1);
        String reason = jdbc.queryForObject("select reason from register_quarantine", String.class);
        assertThat(reason).contains("1007").doesNotContain("725763864");
        assertThat(cursor()).isEqualTo(1007);
        assertThat(count("delivery")).isEqualTo(deliveriesBefore);
        assertThat(new ApiClient(port).feed("leerplicht-0363", 0).items()).extracting(i -> i.get("version"))
                .containsExactly(1, 1, 1);
    }

    @Test
    @Order(4)
    void changesAndWithdrawalsFollowAndAWithdrawnRecordIsNoLongerServed() {
        ApiClient hub = new ApiClient(port);
        long leerplichtCursor = Long.parseLong((String) hub.feed("leerplicht-0363", 0).json().get("next"));
        serve(1007, 200, sample("page-2.xml"));
        serve(1009, 200, sample("empty.xml"));
        awaitCursor(1009);

        List<Map<String, Object>> leerplicht = hub.feed("leerplicht-0363", leerplichtCursor).items();
        assertThat(leerplicht).extracting(i -> i.get("id"), i -> i.get("version"), i -> i.get("action"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VM-2024-000101", 2, "GEWIJZIGD"),
                        org.assertj.core.groups.Tuple.tuple("ZM-2024-000301", 2, "INGETROKKEN"));
        assertThat(dataKeys(leerplicht.get(0))).containsAll(Set.of("closingReason", "reporter")).contains("bsn");
        assertThat(data(leerplicht.get(0))).containsEntry("closingReason", "TERUG_NAAR_SCHOOL")
                .containsEntry("reporter", Map.of("name", "J. de Vries", "role", "Verzuimcoordinator"));
        assertThat(data(leerplicht.get(1))).isEmpty();

        List<Map<String, Object>> partnership = hub.feed("swv-vo2701", 0).items();
        assertThat(partnership).extracting(i -> i.get("version")).containsExactly(1, 2);
        assertThat(dataKeys(partnership.get(1))).isEqualTo(union(PARTNERSHIP_REPORT_V1, Set.of("closingReason")));
        assertThat(data(partnership.get(1)).get("pseudonym")).isEqualTo(data(partnership.get(0)).get("pseudonym"));

        assertThat(hub.feed("jgz-ggd-amsterdam", 0).items())
                .extracting(i -> i.get("id"), i -> i.get("action"), i -> ((Map<?, ?>) i.get("data")).isEmpty())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ZM-2024-000301", "INGETROKKEN", true));
        assertThat(hub.feed("leerplicht-0363", 0).items()).extracting(i -> i.get("id"), i -> i.get("action"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VM-2024-000101", "NIEUW"),
                        org.assertj.core.groups.Tuple.tuple("VR-2024-000201", "NIEUW"),
                        org.assertj.core.groups.Tuple.tuple("VM-2024-000101", "GEWIJZIGD"),
                        org.assertj.core.groups.Tuple.tuple("ZM-2024-000301", "INGETROKKEN"));
        assertThat(jdbc.queryForObject("select payload is null from register_record where record_id = 'ZM-2024-000301'",
                Boolean.class)).isTrue();
    }

    @Test
    @Order(5)
    void anOlderVersionServedLaterNeverReplacesANewerOneNorRevivesAWithdrawnRecord() {
        long deliveriesBefore = count("delivery");
        register.resetRequests();
        serve(1009, 200, sample("page-1.xml").replace("<VolgendVolgnummer>1007</VolgendVolgnummer>",
                "<VolgendVolgnummer>1009</VolgendVolgnummer>"));
        awaitRequestsFor(1009, 3); // the third only after a served page was handled
        serve(1009, 200, sample("empty.xml"));

        assertThat(count("delivery")).isEqualTo(deliveriesBefore);
        assertThat(jdbc.queryForMap("select version, action from register_record where record_id = 'VM-2024-000101'"))
                .containsEntry("version", 2).containsEntry("action", "GEWIJZIGD");
        assertThat(jdbc.queryForMap("select version, action, payload is null as erased from register_record"
                + " where record_id = 'ZM-2024-000301'"))
                .containsEntry("version", 2).containsEntry("action", "INGETROKKEN").containsEntry("erased", true);
        assertThat(new ApiClient(port).feed("jgz-ggd-amsterdam", 0).items()).extracting(i -> i.get("action"))
                .containsExactly("INGETROKKEN");
    }

    @Test
    @Order(6)
    void aRegisterThatAnswersTooLateIsGivenUpOnAndAskedAgainLater() {
        register.resetRequests();
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo("1009"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(15_000).withBody(sample("empty.xml"))));
        // With the 1 s read timeout the second request follows within about a second, long before the answer would.
        awaitRequestsFor(1009, 2, Duration.ofSeconds(6));
        serve(1009, 200, sample("empty.xml"));
        assertThat(cursor()).isEqualTo(1009);
        assertThat(new ApiClient(port).get("/simulator/register/v1/mutaties?vanaf=0", null).status())
                .as("with a register URL configured, the built-in simulator is off").isEqualTo(404);
    }

    @Test
    @Order(7)
    void everyServedItemHasItsAuditEntryAndTheChainVerifies() {
        ApiClient hub = new ApiClient(port);
        long disclosuresBefore = recordedItems();
        long feedEntriesBefore = feedEntries();
        int served = 0;
        for (String client : List.of("leerplicht-0363", "swv-vo2701", "jgz-ggd-amsterdam")) {
            served += hub.feed(client, 0).items().size();
        }
        assertThat(recordedItems()).isEqualTo(disclosuresBefore + served);
        assertThat(feedEntries()).as("one entry per served page").isEqualTo(feedEntriesBefore + 3);

        String officer = hub.token("fg-privacy");
        ApiClient.Response search = hub.get("/api/v1/audit/entries?subject=725763863&recipient=swv-vo2701&limit=1000", officer);
        assertThat(search.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) search.json().get("entries");
        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry).containsEntry("recipient", "swv-vo2701").containsEntry("recordId", "VM-2024-000101")
                    .containsEntry("purpose", "passend-onderwijs").containsEntry("action", "DISCLOSE")
                    .containsEntry("policyId", "passend-onderwijs.partnership.school");
            assertThat((String) entry.get("legalBasis")).contains("WVO");
            assertThat((String) entry.get("subjectHash")).matches("[0-9a-f]{64}");
            assertThat(Set.copyOf((List<?>) entry.get("fields"))).isIn(PARTNERSHIP_REPORT_V1,
                    union(PARTNERSHIP_REPORT_V1, Set.of("closingReason")));
        });
        assertThat(search.body()).doesNotContain("725763863");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SEARCH' and recipient_id = 'fg-privacy'",
                Long.class)).isPositive();

        Map<String, Object> verification = hub.get("/api/v1/audit/verify", officer).json();
        assertThat(verification).containsEntry("valid", true).containsEntry("firstInvalid", null);
        assertThat(((Number) verification.get("entries")).longValue()).isEqualTo(count("audit_entry"));
    }

    @Test
    @Order(8)
    void refusedRequestsGetProblemDetailsAndKnownClientsAreLoggedAsDenials() {
        ApiClient hub = new ApiClient(port);
        ApiClient.Response anonymous = hub.get("/api/v1/feed", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        long denialsBefore = auditCount("DENY");
        ApiClient.Response officerFeed = hub.get("/api/v1/feed", hub.token("fg-privacy"));
        assertThat(officerFeed.status()).isEqualTo(403);
        assertThat(officerFeed.contentType()).startsWith("application/problem+json");
        ApiClient.Response attendanceOfficerAudit = hub.get("/api/v1/audit/entries", hub.token("leerplicht-0363"));
        assertThat(attendanceOfficerAudit.status()).isEqualTo(403);
        assertThat(auditCount("DENY")).isEqualTo(denialsBefore + 2);
        assertThat(jdbc.queryForList("select recipient_id from audit_entry where action = 'DENY' order by id desc limit 2",
                String.class)).containsExactly("leerplicht-0363", "fg-privacy");

        ApiClient.Response badLimit = hub.get("/api/v1/feed?limit=0", hub.token("leerplicht-0363"));
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.contentType()).startsWith("application/problem+json");
        assertThat(badLimit.json().get("detail")).asString().contains("limit");
        assertThat(hub.get("/api/v1/feed?after=abc", hub.token("leerplicht-0363")).status()).isEqualTo(400);
        assertThat(hub.get("/api/v1/feed", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    @Order(9)
    void healthIsUpWithDatabaseAndCamelAndTheFeedContractIsInTheOpenApiDocument() {
        ApiClient hub = new ApiClient(port);
        ApiClient.Response health = hub.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.json().get("components");
        assertThat(components.get("db")).containsEntry("status", "UP");
        assertThat(components.get("camelHealth")).containsEntry("status", "UP");

        Map<String, Object> openApi = hub.get("/v3/api-docs", null).json();
        assertThat((Map<String, Object>) openApi.get("paths")).containsKey("/api/v1/feed");
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) openApi.get("components")).get("schemas");
        @SuppressWarnings("unchecked")
        Map<String, Object> dataSchema = (Map<String, Object>) ((Map<String, Object>) schemas.get("FeedItemData")).get("properties");
        assertThat(dataSchema.keySet()).isEqualTo(java.util.Arrays.stream(DataField.values()).map(DataField::jsonName)
                .collect(Collectors.toSet()));
        // an item's data is described as those fields, not as the Java type that carries its bytes (RawJson)
        @SuppressWarnings("unchecked")
        Map<String, Object> itemData = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                schemas.get("FeedItem")).get("properties")).get("data");
        assertThat(itemData).containsEntry("$ref", "#/components/schemas/FeedItemData");
        assertThat(schemas).doesNotContainKey("RawJson");
    }

    @Test
    @Order(10)
    void whenTheAuditLogCannotBeWrittenTheFeedRefusesAndDisclosesNothing() {
        ApiClient hub = new ApiClient(port);
        String token = hub.token("leerplicht-0363");
        long entriesBefore = count("audit_entry");
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase()); // the application's role may not rename
        owner.execute("alter table audit_chain_head rename to audit_chain_head_unavailable");
        try {
            ApiClient.Response refused = hub.get("/api/v1/feed?after=0", token);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain("VM-2024-000101", "725763863");
        } finally {
            owner.execute("alter table audit_chain_head_unavailable rename to audit_chain_head");
        }
        assertThat(count("audit_entry")).isEqualTo(entriesBefore);
        assertThat(hub.get("/api/v1/feed?after=0", token).status()).isEqualTo(200);
    }

    @Test
    @Order(11)
    void healthIsDownOnceTheCamelContextStops() throws Exception {
        camel.stop();
        ApiClient.Response health = new ApiClient(port).get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json()).containsEntry("status", "DOWN");
    }

    private static void serve(long vanaf, int status, String body) {
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(body)));
    }

    private static String sample(String name) {
        try (InputStream in = RegisterToRecipientsEndToEndTest.class.getResourceAsStream("/register-samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitCursor(long expected) {
        Eventually.await("the register cursor is " + expected, Duration.ofSeconds(60), () -> cursor() == expected);
    }

    private static void awaitRequestsFor(long vanaf, int requests) {
        awaitRequestsFor(vanaf, requests, Duration.ofSeconds(30));
    }

    private static void awaitRequestsFor(long vanaf, int requests, Duration timeout) {
        Eventually.await(requests + " requests for vanaf=" + vanaf, timeout, () -> register
                .countRequestsMatching(getRequestedFor(urlPathEqualTo("/v1/mutaties"))
                        .withQueryParam("vanaf", equalTo(Long.toString(vanaf))).build()).getCount() >= requests);
    }

    private long cursor() {
        return jdbc.queryForObject("select next_sequence from register_cursor", Long.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** Disclosures and retractions recorded: entries without items, plus every item of a feed page's entry. */
    private long recordedItems() {
        return jdbc.queryForObject("select count(*) from audit_entry where action in ('DISCLOSE', 'RETRACT')"
                + " and item_subjects is null", Long.class) + jdbc.queryForObject("select coalesce(sum("
                + "cardinality(item_subjects)), 0) from audit_entry where item_subjects is not null", Long.class);
    }

    private long feedEntries() {
        return jdbc.queryForObject("select count(*) from audit_entry where channel = 'FEED'", Long.class);
    }

    private long auditCount(String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ?", Long.class, action);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> item) {
        return (Map<String, Object>) item.get("data");
    }

    private static Set<String> dataKeys(Map<String, Object> item) {
        return data(item).keySet();
    }

    private static String itemsWithoutVolatileParts(List<Map<String, Object>> items) {
        return items.toString();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
