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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register connector as an operator sees it, on real parts (embedded PostgreSQL, real tokens, WireMock as the
 * register): a refusal stops polling and shows in health, status and metrics until resumed; quarantined pages are
 * listed without their content, raise an alert, and are retried through the API until they pass.
 *
 * <p>The poll interval is an hour, so after the first poll the register is asked only when a test resumes polling or
 * retries a page: every request in these steps is one the test caused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class RegisterOperationsEndToEndTest {
    static final WireMockServer register = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String[] PERSONAL_VALUES = {"725763863", "691682483", "J. de Vries", "buikpijn", "1012AB"};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        register.start();
        serve(0, aResponse().withStatus(401).withBody("token expired"));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void hubSettings(DynamicPropertyRegistry properties) {
        properties.add("hub.register.base-url", register::baseUrl);
        properties.add("hub.register.poll-interval", () -> "1h");
        properties.add("hub.register.read-timeout", () -> "5s");
        properties.add("hub.register.max-page-bytes", () -> "8KB");
        properties.add("hub.register.backoff.initial-delay", () -> "20ms");
        properties.add("hub.register.backoff.max-delay", () -> "100ms");
        properties.add("hub.register.bearer-token", () -> "register-token-for-tests");
        properties.add("hub.embedded-postgres.data-dir", () -> "");
    }

    @AfterAll
    static void stopRegister() {
        register.stop();
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void aRefusedTokenStopsPollingAndShowsInHealthStatusAndMetrics(CapturedOutput output) {
        awaitRequests(0, 1);
        Eventually.await("polling stopped", Duration.ofSeconds(30), () -> status().get("polling").equals("STOPPED"));
        sleep(Duration.ofMillis(500));
        assertThat(requests(0)).as("no retry storm").isEqualTo(1);
        register.verify(getRequestedFor(urlPathEqualTo("/v1/mutaties"))
                .withHeader("Authorization", equalTo("Bearer register-token-for-tests")));

        Map<String, Object> status = status();
        assertThat((Map<String, Object>) status.get("stopReason")).containsEntry("cause", "unauthorized")
                .containsEntry("httpStatus", 401).containsEntry("vanaf", 0);
        assertThat(status.get("cursor")).isEqualTo(0);
        assertThat(status).as("the only instance holds the register lease").containsEntry("pollsHere", true);
        assertThat((String) status.get("leaseHolder")).isNotBlank();

        Response health = call("GET", "/actuator/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json()).as(health.body()).containsEntry("status", "DOWN");
        assertThat(component(health, "register")).as(health.body()).containsEntry("status", "DOWN");

        String metrics = call("GET", "/actuator/prometheus", token("hub-operator")).body();
        assertThat(metrics).contains("verzuimhub_register_stopped 1.0")
                .contains("verzuimhub_register_failures_total{cause=\"unauthorized\"} 1.0")
                .contains("verzuimhub_register_last_success_age_seconds");
        assertThat(output.getOut()).contains("ALERT register polling stopped").doesNotContain("register-token-for-tests");
    }

    @Test
    @Order(2)
    void onlyOperatorsMayReadMetricsOrResume() {
        assertThat(call("GET", "/actuator/prometheus", null).status()).isEqualTo(401);
        Response recipient = call("GET", "/actuator/prometheus", token("leerplicht-0363"));
        assertThat(recipient.status()).isEqualTo(403);
        assertThat(recipient.contentType()).startsWith("application/problem+json");
        assertThat(call("POST", "/api/v1/register/resume", token("fg-privacy")).status()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/quarantine", token("leerplicht-0363")).status()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/quarantine", null).status()).isEqualTo(401);
        assertThat(status().get("polling")).isEqualTo("STOPPED");
    }

    @Test
    @Order(3)
    void afterTheFixAnOperatorResumesAndAnOversizedPageIsQuarantinedWithAnAlert(CapturedOutput output) {
        String oversized = sample("page-1.xml").replace("<Mutatie ", "<!-- " + "x".repeat(6_000) + " --><Mutatie ");
        serve(0, aResponse().withStatus(200).withBody(oversized));

        Response resumed = call("POST", "/api/v1/register/resume", token("hub-operator"));
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json()).containsEntry("polling", "RUNNING");
        Eventually.await("the page is quarantined", Duration.ofSeconds(30), () -> count("register_quarantine") == 1);

        List<Map<String, Object>> items = quarantineList();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item).containsOnlyKeys("id", "requestedFrom", "receivedAt", "reason", "sizeBytes", "attempts",
                    "status");
            assertThat(item).containsEntry("requestedFrom", 0).containsEntry("attempts", 1).containsEntry("status", "OPEN");
            assertThat((String) item.get("reason")).contains("larger than the limit of 8192 bytes");
            assertThat(((Number) item.get("sizeBytes")).longValue()).isGreaterThan(8192);
        });
        assertThat(call("GET", "/actuator/health", null).status()).isEqualTo(200);
        String metrics = call("GET", "/actuator/prometheus", token("hub-operator")).body();
        assertThat(metrics).contains("verzuimhub_register_quarantined_open 1.0")
                .contains("verzuimhub_register_quarantined_pages_total 1.0")
                .contains("verzuimhub_register_pages_total{outcome=\"quarantined\"} 1.0")
                .contains("verzuimhub_register_stopped 0.0");
        assertThat(output.getOut()).contains("ALERT register page quarantined: event=register.page.quarantined quarantineId=")
                .contains("vanaf=0 sizeBytes=");
        assertThat(call("POST", "/api/v1/register/resume", token("hub-operator")).status())
                .as("not stopped any more").isEqualTo(409);
    }

    @Test
    @Order(4)
    void detailsNeverShowThePageAndUnknownIdsAreAProblem() {
        long id = ((Number) quarantineList().get(0).get("id")).longValue();
        Response details = call("GET", "/api/v1/quarantine/" + id, token("hub-operator"));
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.json()).containsEntry("bodyKept", false).containsEntry("status", "OPEN")
                .containsEntry("resolvedAt", null).doesNotContainKey("body");

        Response unknown = call("GET", "/api/v1/quarantine/987654", token("hub-operator"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(call("POST", "/api/v1/quarantine/987654/retry", token("hub-operator")).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/quarantine/abc", token("hub-operator")).status()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void aRetryWhileTheRegisterStillServesABadPageSaysSoAndKeepsTheCursor() {
        long id = ((Number) quarantineList().get(0).get("id")).longValue();
        serve(0, aResponse().withStatus(200).withBody(
                sample("page-1.xml").replace("<Bsn>691682483</Bsn>", "<Bsn>691682484</Bsn>")));

        Response retry = call("POST", "/api/v1/quarantine/" + id + "/retry", token("hub-operator"));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).containsEntry("passed", false).containsEntry("result", "QUARANTINED")
                .containsEntry("cursor", 0);
        assertThat((String) retry.json().get("detail")).contains("volgnummer 1004").contains("eleven-test");
        assertThat(retry.body()).doesNotContain(PERSONAL_VALUES).doesNotContain("691682484");
        List<Map<String, Object>> items = quarantineList();
        assertThat(items).hasSize(2).allSatisfy(item -> assertThat(item).containsEntry("status", "OPEN"));
        assertThat(items.get(0)).containsEntry("attempts", 1);

        Response again = call("POST", "/api/v1/quarantine/" + id + "/retry", token("hub-operator"));
        assertThat(again.json()).containsEntry("passed", false).containsEntry("result", "QUARANTINED");
        assertThat(quarantineList()).hasSize(2).first().satisfies(item -> assertThat(item).containsEntry("attempts", 2));
        assertThat(call("GET", "/actuator/prometheus", token("hub-operator")).body())
                .as("the same page refused again is one more attempt, not a new alert")
                .contains("verzuimhub_register_quarantined_pages_total 2.0")
                .contains("verzuimhub_register_pages_total{outcome=\"quarantined\"} 3.0")
                .contains("verzuimhub_register_quarantined_open 2.0");
        assertThat(count("register_record")).isZero();
        assertThat(count("delivery")).isZero();
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void aRetryAfterTheRegisterFixedThePageStoresItOnceAndResolvesItsQuarantine() {
        long id = ((Number) quarantineList().get(1).get("id")).longValue();
        serve(0, aResponse().withStatus(200).withBody(sample("page-1.xml")));

        Response retry = call("POST", "/api/v1/quarantine/" + id + "/retry", token("hub-operator"));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).containsEntry("passed", true).containsEntry("result", "STORED")
                .containsEntry("mutations", 5).containsEntry("cursor", 1007);
        assertThat((Map<String, Object>) retry.json().get("quarantine")).containsEntry("status", "RESOLVED");
        assertThat(quarantineList()).hasSize(2).allSatisfy(item -> assertThat(item).containsEntry("status", "RESOLVED"));
        assertThat(jdbc.queryForObject("select count(*) from register_record", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from register_record where sequence between 1001 and 1006",
                Long.class)).isEqualTo(5);
        assertThat(call("GET", "/api/v1/quarantine?status=OPEN", token("hub-operator")).items()).isEmpty();
        assertThat(call("GET", "/actuator/prometheus", token("hub-operator")).body())
                .contains("verzuimhub_register_quarantined_open 0.0")
                .contains("verzuimhub_register_mutations_total 5.0");

        Response again = call("POST", "/api/v1/quarantine/" + id + "/retry", token("hub-operator"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(call("GET", "/api/v1/quarantine?limit=0", token("hub-operator")).status()).isEqualTo(400);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    record Response(int status, String contentType, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JSON.readValue(body, Map.class);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }
    }

    private Map<String, Object> status() {
        Response status = call("GET", "/api/v1/register/status", token("hub-operator"));
        assertThat(status.status()).isEqualTo(200);
        return status.json();
    }

    private List<Map<String, Object>> quarantineList() {
        Response list = call("GET", "/api/v1/quarantine", token("hub-operator"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(PERSONAL_VALUES);
        return list.items();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(Response health, String name) {
        return ((Map<String, Map<String, Object>>) health.json().get("components")).get(name);
    }

    private String token(String clientId) {
        return new ApiClient(port).token(clientId);
    }

    private Response call(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void serve(long vanaf, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)))
                .willReturn(answer.withHeader("Content-Type", "application/xml")));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long requests(long vanaf) {
        return register.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v1/mutaties"))
                .withQueryParam("vanaf", equalTo(Long.toString(vanaf))).build()).getCount();
    }

    private static void awaitRequests(long vanaf, int count) {
        Eventually.await(count + " requests for vanaf=" + vanaf, Duration.ofSeconds(60), () -> requests(vanaf) >= count);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String sample(String name) {
        try (InputStream in = RegisterOperationsEndToEndTest.class.getResourceAsStream("/register-samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
