package nl.verzuimhub.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.policies.PolicyCli;
import org.assertj.core.groups.Tuple;
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
 * The policy engine in the running hub, on real parts (WireMock plays the register): scope follows the child, the
 * M@ZL criterion counts the pupil's stored sick reports, and the privacy officer's explain endpoint and command line
 * answer "what would X see of Y under P, and why" without disclosing anything, and are audited.
 *
 * <p>Pupil P (synthetic BSN 111222333) lives in 0363 at a school of VO2701 and has an absence report and an
 * exemption; then P moves to 0599 and a school of PO2801. Pupil Q (synthetic BSN 123456782) has short sick reports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class PolicyEndToEndTest {
    static final String P = "111222333";
    static final String Q = "123456782";
    static final WireMockServer register = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        register.start();
        serve(0, page(1004, report(1001, "NIEUW", 1, "0363", "VO2701", "GEREGISTREERD")
                + exemption(1002, "0363", "VO2701") + sick(1003, "ZM-T-1", "2024-09-02", "2024-09-03")));
        serveNothing(1004);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void hubSettings(DynamicPropertyRegistry properties) {
        properties.add("hub.register.base-url", register::baseUrl);
        properties.add("hub.register.poll-interval", () -> "200ms");
        properties.add("hub.embedded-postgres.data-dir", () -> "");
        recipient(properties, "leerplicht-0599", "MUNICIPALITY", "0599", "ATTENDANCE_OFFICER", "leerplicht");
        recipient(properties, "swv-po2801", "PARTNERSHIP", "PO2801", "PARTNERSHIP", "passend-onderwijs");
    }

    @AfterAll
    static void stopRegister() {
        register.stop();
    }

    @Test
    @Order(1)
    void beforeTheMoveTheOldScopeHoldsThePupilAndAShortSickReportStaysAwayFromTheYouthDoctor() {
        awaitCursor(1004);
        ApiClient hub = new ApiClient(port);
        assertThat(hub.feed("leerplicht-0363", 0).items()).extracting(i -> i.get("id"))
                .containsExactly("VM-T-1", "VR-T-1", "ZM-T-1");
        assertThat(hub.feed("swv-vo2701", 0).items()).extracting(i -> i.get("id")).containsExactly("VM-T-1", "VR-T-1");
        assertThat(hub.feed("jgz-ggd-amsterdam", 0).items()).as("2 school days, no earlier sick reports: no M@ZL").isEmpty();
        assertThat(hub.feed("leerplicht-0599", 0).items()).isEmpty();
        assertThat(hub.feed("swv-po2801", 0).items()).isEmpty();
    }

    @Test
    @Order(2)
    void whenThePupilMovesTheNewScopeReceivesFromThenOnAndTheOldScopeGetsRetractionsOfEverythingItHeld() {
        serve(1004, page(1008, report(1004, "GEWIJZIGD", 2, "0599", "PO2801", "IN_BEHANDELING")
                + sick(1005, "ZM-T-2", "2024-09-09", "2024-09-10") + sick(1006, "ZM-T-3", "2024-09-16", "2024-09-17")
                + sick(1007, "ZM-T-4", "2024-09-23", "2024-09-24")));
        serveNothing(1008);
        awaitCursor(1008);
        ApiClient hub = new ApiClient(port);

        List<Map<String, Object>> oldMunicipality = hub.feed("leerplicht-0363", 0).items();
        assertThat(oldMunicipality).extracting(i -> i.get("id"), i -> i.get("action"), i -> i.get("version"))
                .containsExactlyInAnyOrder(Tuple.tuple("ZM-T-1", "NIEUW", 1), Tuple.tuple("ZM-T-2", "NIEUW", 1),
                        Tuple.tuple("ZM-T-3", "NIEUW", 1), Tuple.tuple("ZM-T-4", "NIEUW", 1),
                        Tuple.tuple("VM-T-1", "INGETROKKEN", 2), Tuple.tuple("VR-T-1", "INGETROKKEN", 1));
        assertThat(oldMunicipality).filteredOn(i -> "INGETROKKEN".equals(i.get("action")))
                .allSatisfy(i -> assertThat((Map<?, ?>) i.get("data")).isEmpty());
        assertThat(hub.feed("swv-vo2701", 0).items()).extracting(i -> i.get("id"), i -> i.get("action"))
                .containsExactlyInAnyOrder(Tuple.tuple("VM-T-1", "INGETROKKEN"), Tuple.tuple("VR-T-1", "INGETROKKEN"));

        List<Map<String, Object>> newMunicipality = hub.feed("leerplicht-0599", 0).items();
        assertThat(newMunicipality).as("from the change on, and nothing older").extracting(i -> i.get("id"),
                i -> i.get("version"), i -> i.get("action")).containsExactly(Tuple.tuple("VM-T-1", 2, "GEWIJZIGD"));
        assertThat(data(newMunicipality.get(0))).containsEntry("bsn", P).containsEntry("municipality", "0599");
        List<Map<String, Object>> newPartnership = hub.feed("swv-po2801", 0).items();
        assertThat(newPartnership).extracting(i -> i.get("id")).containsExactly("VM-T-1");
        assertThat(data(newPartnership.get(0))).containsKey("pseudonym").doesNotContainKey("bsn");

        assertThat(hub.feed("jgz-ggd-amsterdam", 0).items()).as("the 4th sick report within 12 school weeks")
                .extracting(i -> i.get("id")).containsExactly("ZM-T-4");
    }

    @Test
    @Order(3)
    void aFurtherChangeInTheNewScopeRetractsNothingMore() {
        long retractions = count("select count(*) from delivery where action = 'INGETROKKEN'");
        long deliveries = count("select count(*) from delivery");
        serve(1008, page(1009, report(1008, "GEWIJZIGD", 3, "0599", "PO2801", "AFGESLOTEN")));
        serveNothing(1009);
        awaitCursor(1009);
        assertThat(count("select count(*) from delivery where action = 'INGETROKKEN'")).isEqualTo(retractions);
        assertThat(count("select count(*) from delivery")).isEqualTo(deliveries + 2);
        assertThat(jdbc.queryForList("select recipient_id from delivery where record_id = 'VM-T-1' and version = 3"
                + " order by recipient_id", String.class)).containsExactly("leerplicht-0599", "swv-po2801");
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void thePrivacyOfficerLearnsWhatARecipientWouldSeeAndWhyWithoutAnythingBeingDisclosed() {
        ApiClient hub = new ApiClient(port);
        String officer = hub.token("fg-privacy");
        long deliveries = count("select count(*) from delivery");
        long explains = count("select count(*) from audit_entry where action = 'EXPLAIN'");

        Answer permit = post(officer, Map.of("recipient", "swv-po2801", "recordId", "VM-T-1", "purpose",
                "passend-onderwijs"));
        assertThat(permit.status()).isEqualTo(200);
        assertThat(permit.json()).containsEntry("decision", "PERMIT")
                .containsEntry("ruleId", "passend-onderwijs.partnership.school");
        assertThat((List<Object>) permit.json().get("disclosedFields")).contains("pseudonym", "birthYear")
                .doesNotContain("bsn", "suspectedReason");
        Map<String, Map<String, Object>> fields = fieldsByName(permit.json());
        assertThat(fields.get("bsn")).containsEntry("treatment", "pseudonymise").containsEntry("disclosedAs", "pseudonym");
        assertThat(fields.get("suspectedReason")).containsEntry("treatment", "drop");
        assertThat((String) fields.get("suspectedReason").get("reason")).contains("does not name this field");
        assertThat(permit.body()).doesNotContain(P, "free text", "J. Tester");

        Answer deny = post(officer, Map.of("recipient", "swv-vo2701", "recordId", "VM-T-1", "purpose",
                "passend-onderwijs"));
        assertThat(deny.json()).containsEntry("decision", "DENY").containsEntry("reason", "OUT_OF_SCOPE");
        assertThat(deny.body()).contains("the (last) school is not in the recipient's samenwerkingsverband VO2701");

        assertThat(count("select count(*) from delivery")).as("explaining discloses nothing").isEqualTo(deliveries);
        assertThat(count("select count(*) from audit_entry where action = 'EXPLAIN'")).isEqualTo(explains + 2);
        Map<String, Object> entry = jdbc.queryForMap("select recipient_id, purpose_id, record_id, subject_hash, policy_id,"
                + " reason from audit_entry where action = 'EXPLAIN' order by id desc limit 1");
        assertThat(entry).containsEntry("recipient_id", "fg-privacy").containsEntry("purpose_id", "toezicht")
                .containsEntry("record_id", "VM-T-1");
        assertThat((String) entry.get("subject_hash")).matches("[0-9a-f]{64}");
        assertThat((String) entry.get("reason")).contains("recipient=swv-vo2701", "DENY OUT_OF_SCOPE")
                .doesNotContain(P);
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void aCandidatePolicySetCanBeTriedAndAnInvalidOneIsRefusedWithFileAndLine() {
        String officer = new ApiClient(port).token("fg-privacy");
        String candidate = """
                version: candidate-1
                purposes:
                  - id: passend-onderwijs
                    name: Passend onderwijs
                    legalBasis: WVO 2020 art. 17a
                    processingActivity: VA-PASSEND-ONDERWIJS
                rules: []
                """;
        Answer dryRun = post(officer, Map.of("recipient", "swv-po2801", "recordId", "VM-T-1", "purpose",
                "passend-onderwijs", "candidatePolicySet", candidate));
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.json()).containsEntry("decision", "DENY").containsEntry("reason", "NO_MATCHING_POLICY");
        assertThat((Map<String, Object>) dryRun.json().get("policySet")).containsEntry("version", "candidate-1")
                .containsEntry("candidate", true);

        Answer invalid = post(officer, Map.of("recipient", "swv-po2801", "recordId", "VM-T-1", "purpose",
                "passend-onderwijs", "candidatePolicySet", candidate.replace("rules: []",
                        "rules:\n  - id: x\n    role: PARTNERSHIP\n    purpose: marketing")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat((String) invalid.json().get("detail")).contains("candidate.yaml:10: rule x: unknown purpose 'marketing'");
        assertThat((List<?>) invalid.json().get("problems")).isNotEmpty();
    }

    @Test
    @Order(6)
    void badQuestionsGetPreciseProblemsAndOtherRolesMayNotAsk() {
        ApiClient hub = new ApiClient(port);
        String officer = hub.token("fg-privacy");
        Answer unknownRecipient = post(officer, Map.of("recipient", "nobody", "recordId", "VM-T-1", "purpose", "leerplicht"));
        assertThat(unknownRecipient.status()).isEqualTo(400);
        assertThat(unknownRecipient.contentType()).startsWith("application/problem+json");
        assertThat((String) unknownRecipient.json().get("detail")).contains("unknown recipient 'nobody'");
        Answer unknownRecord = post(officer, Map.of("recipient", "swv-po2801", "recordId", "VM-NONE", "purpose",
                "passend-onderwijs"));
        assertThat(unknownRecord.status()).isEqualTo(404);
        assertThat((String) unknownRecord.json().get("detail")).contains("no stored record 'VM-NONE'");
        Answer unknownPurpose = post(officer, Map.of("recipient", "swv-po2801", "recordId", "VM-T-1", "purpose", "marketing"));
        assertThat(unknownPurpose.status()).isEqualTo(400);
        assertThat((String) unknownPurpose.json().get("detail")).contains("unknown purpose 'marketing'");
        assertThat(post(officer, Map.of("recipient", "swv-po2801")).status()).isEqualTo(400);

        Answer notAnOfficer = post(hub.token("leerplicht-0363"), Map.of("recipient", "swv-po2801", "recordId",
                "VM-T-1", "purpose", "passend-onderwijs"));
        assertThat(notAnOfficer.status()).isEqualTo(403);
        assertThat(notAnOfficer.body()).doesNotContain("pseudonymise");
    }

    @Test
    @Order(7)
    void theCommandLineAsksTheHubWithThePrivacyOfficersCredentialsSoTheQuestionIsAudited() {
        long explains = count("select count(*) from audit_entry where action = 'EXPLAIN'");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PolicyCli.run(new String[] {"explain", "--hub", "http://localhost:" + port, "--client", "fg-privacy",
                "--secret", "fg-privacy-secret", "--recipient", "leerplicht-0599", "--record", "VM-T-1", "--purpose",
                "leerplicht"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"decision\":\"PERMIT\"",
                "\"ruleId\":\"leerplicht.attendance-officer.residence\"");
        assertThat(count("select count(*) from audit_entry where action = 'EXPLAIN'")).isEqualTo(explains + 1);

        int refused = PolicyCli.run(new String[] {"explain", "--hub", "http://localhost:" + port, "--client",
                "fg-privacy", "--secret", "wrong", "--recipient", "leerplicht-0599", "--record", "VM-T-1", "--purpose",
                "leerplicht"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(refused).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("token request failed");
    }

    @Test
    @Order(8)
    void aClientRegisteredWhileTheHubRunsReceivesFromThenOnAndNothingAfterItIsRevoked() {
        ApiClient hub = new ApiClient(port);
        String operator = hub.token("hub-operator");
        ApiClient.Response registered = hub.post("/api/v1/clients", operator, """
                {"clientId": "leerplicht-0599-runtime", "organisationType": "MUNICIPALITY", "organisationCode": "0599",
                 "organisationName": "Gemeente Rotterdam, leerplicht (runtime)", "role": "ATTENDANCE_OFFICER",
                 "purposes": ["leerplicht"]}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String secret = (String) registered.json().get("clientSecret");

        serve(1009, page(1010, report(1009, "GEWIJZIGD", 4, "0599", "PO2801", "AFGESLOTEN")));
        serveNothing(1010);
        awaitCursor(1010);
        String token = hub.token("leerplicht-0599-runtime", secret);
        assertThat(hub.get("/api/v1/feed?after=0&limit=1000", token).items())
                .as("the version after the registration, nothing older")
                .extracting(i -> i.get("id"), i -> i.get("version")).containsExactly(Tuple.tuple("VM-T-1", 4));

        ApiClient.Response revoked = hub.post("/api/v1/clients/leerplicht-0599-runtime/revoke", operator, "");
        assertThat(revoked.status()).isEqualTo(204);
        serve(1010, page(1011, report(1010, "GEWIJZIGD", 5, "0599", "PO2801", "AFGESLOTEN")));
        serveNothing(1011);
        awaitCursor(1011);
        assertThat(jdbc.queryForList("select recipient_id from delivery where record_id = 'VM-T-1' and version = 5",
                String.class)).as("decided for the configured clients only").contains("leerplicht-0599")
                .doesNotContain("leerplicht-0599-runtime");
    }

    // --- the register's pages -------------------------------------------------------------------------------------

    private static String page(long next, String mutations) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <MutatieBatch xmlns="urn:nl:verzuimregister:uitwisseling:v1" aangemaakt="2024-10-07T08:00:00+02:00">
                %s  <VolgendVolgnummer>%d</VolgendVolgnummer>
                  <Meer>false</Meer>
                </MutatieBatch>
                """.formatted(mutations, next);
    }

    private static String report(long sequence, String action, int version, String municipality, String partnership,
                                 String status) {
        return """
                  <Mutatie volgnummer="%d" actie="%s" tijdstip="2024-10-0%dT09:00:00+02:00">
                    <Verzuimmelding>
                      <MeldingId>VM-T-1</MeldingId>
                      <Versie>%d</Versie>
                      <Leerling><Bsn>%s</Bsn><Geboortedatum>2011-03-14</Geboortedatum><Woongemeente>%s</Woongemeente><Postcode>1012AB</Postcode></Leerling>
                      <Inschrijving><Brin>12AB</Brin><Vestiging>00</Vestiging><Sector>VO</Sector><Samenwerkingsverband>%s</Samenwerkingsverband><Leerjaar>2</Leerjaar></Inschrijving>
                      <Verzuimsoort>V3</Verzuimsoort>
                      <Periode><Begindatum>2024-09-03</Begindatum><Einddatum>2024-09-27</Einddatum></Periode>
                      <Verzuimuren>17</Verzuimuren>
                      <Verzuimdagen>6</Verzuimdagen>
                      <AlleLessenGemist>false</AlleLessenGemist>
                      <VermoedelijkeReden>free text reason</VermoedelijkeReden>
                      <ActieGemeenteGewenst>true</ActieGemeenteGewenst>
                      <Melder><Naam>J. Tester</Naam><Functie>Verzuimcoordinator</Functie></Melder>
                      <Status>%s</Status>
                      <Meldingsdatum>2024-10-01</Meldingsdatum>
                      <LaatsteMutatie>2024-10-0%dT09:00:00+02:00</LaatsteMutatie>
                    </Verzuimmelding>
                  </Mutatie>
                """.formatted(sequence, action, version, version, P, municipality, partnership, status, version);
    }

    private static String exemption(long sequence, String municipality, String partnership) {
        return """
                  <Mutatie volgnummer="%d" actie="NIEUW" tijdstip="2024-10-01T10:00:00+02:00">
                    <Vrijstelling>
                      <VrijstellingId>VR-T-1</VrijstellingId>
                      <Versie>1</Versie>
                      <Leerling><Bsn>%s</Bsn><Geboortedatum>2011-03-14</Geboortedatum><Woongemeente>%s</Woongemeente></Leerling>
                      <LaatsteInschrijving><Brin>12AB</Brin><Sector>VO</Sector><Samenwerkingsverband>%s</Samenwerkingsverband></LaatsteInschrijving>
                      <Artikel>5b</Artikel>
                      <Periode><Begindatum>2024-10-01</Begindatum><Einddatum>2025-07-31</Einddatum></Periode>
                      <EerderVrijgesteld>false</EerderVrijgesteld>
                      <Status>ACTIEF</Status>
                      <LaatsteMutatie>2024-10-01T10:00:00+02:00</LaatsteMutatie>
                    </Vrijstelling>
                  </Mutatie>
                """.formatted(sequence, P, municipality, partnership);
    }

    private static String sick(long sequence, String id, String start, String end) {
        return """
                  <Mutatie volgnummer="%d" actie="NIEUW" tijdstip="2024-10-01T11:00:00+02:00">
                    <Ziekmelding>
                      <ZiekmeldingId>%s</ZiekmeldingId>
                      <Versie>1</Versie>
                      <Leerling><Bsn>%s</Bsn><Geboortedatum>2015-01-09</Geboortedatum><Woongemeente>0363</Woongemeente></Leerling>
                      <Inschrijving><Brin>78GH</Brin><Sector>PO</Sector><Samenwerkingsverband>PO2701</Samenwerkingsverband></Inschrijving>
                      <Periode><Begindatum>%s</Begindatum><Einddatum>%s</Einddatum></Periode>
                      <LaatsteMutatie>%sT11:00:00+02:00</LaatsteMutatie>
                    </Ziekmelding>
                  </Mutatie>
                """.formatted(sequence, id, Q, start, end, end);
    }

    private static void serve(long vanaf, String body) {
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(body)));
    }

    private static void serveNothing(long vanaf) {
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)))
                .willReturn(aResponse().withStatus(204)));
    }

    private static void recipient(DynamicPropertyRegistry properties, String clientId, String type, String code,
                                  String role, String purpose) {
        String prefix = "hub.recipients." + clientId + ".";
        properties.add(prefix + "organisation.type", () -> type);
        properties.add(prefix + "organisation.code", () -> code);
        properties.add(prefix + "organisation.name", () -> clientId);
        properties.add(prefix + "role", () -> role);
        properties.add(prefix + "purposes[0]", () -> purpose);
        properties.add(prefix + "secret", () -> clientId + "-secret");
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    record Answer(int status, String contentType, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JSON.readValue(body, Map.class);
        }
    }

    private Answer post(String token, Map<String, Object> body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/policy/explain"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> fieldsByName(Map<String, Object> answer) {
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        for (Object field : (List<?>) answer.get("fields")) {
            Map<String, Object> map = (Map<String, Object>) field;
            byName.put((String) map.get("field"), map);
        }
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> item) {
        return (Map<String, Object>) item.get("data");
    }

    private void awaitCursor(long expected) {
        Eventually.await("the register cursor is " + expected, Duration.ofSeconds(90), () -> jdbc.queryForObject(
                "select next_sequence from register_cursor", Long.class) == expected);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
