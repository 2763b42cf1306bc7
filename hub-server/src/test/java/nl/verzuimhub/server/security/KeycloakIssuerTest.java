package nl.verzuimhub.server.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.server.ApiClient;
import nl.verzuimhub.server.VerzuimhubApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keycloak as the issuer: a real Keycloak with {@code docker/keycloak/realm-verzuimhub.json} imported, and the hub
 * switched to it by one setting ({@code hub.security.issuer-uri}). The demo flows of the end-to-end test run twice on
 * the same register pages: once against a hub with the embedded authorization server, once against a hub that
 * trusts Keycloak, with client_credentials tokens from Keycloak. Every demo client must see exactly the same feed,
 * and be refused exactly the same things. Keycloak starts once, in the background while the first hub runs.
 */
class KeycloakIssuerTest {
    static final List<String> FEED_CLIENTS = List.of("leerplicht-0363", "swv-vo2701", "jgz-ggd-amsterdam",
            "rmc-amsterdam");
    static final WireMockServer register = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static KeycloakProcess keycloak;
    static long startedAt;

    @BeforeAll
    static void startKeycloakAndTheRegister() throws IOException {
        startedAt = System.nanoTime();
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3"));
        keycloak = KeycloakProcess.start(home, Path.of("../docker/keycloak/realm-verzuimhub.json"));
        register.start();
        serve(0, sample("page-1.xml"));
        serve(1007, sample("page-2.xml"));
        serve(1009, sample("empty.xml"));
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
        register.stop();
        System.out.printf("KeycloakIssuerTest wall time: %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
    }

    @Test
    void eachDemoClientSeesExactlyTheSameWithKeycloakTokensAsWithTheEmbeddedServer() throws IOException {
        Map<String, Object> embedded;
        try (ConfigurableApplicationContext hub = startHub()) {
            ApiClient api = new ApiClient(port(hub));
            embedded = demoFlows(api, api::token);
        }

        double ready = keycloak.awaitReady(Duration.ofSeconds(240));
        System.out.printf("Keycloak ready %.1f s after its start%n", ready);
        ApiClient keycloakTokens = new ApiClient(keycloak.issuer(), keycloak.tokenUrl());
        assertKeycloakTokensCarryTheHubsClaims(keycloakTokens);

        try (ConfigurableApplicationContext hub = startHub("hub.security.issuer-uri=" + keycloak.issuer())) {
            ApiClient api = new ApiClient("http://localhost:" + port(hub), keycloak.tokenUrl());
            Map<String, Object> withKeycloak = demoFlows(api, keycloakTokens::token);
            assertThat(withKeycloak).isEqualTo(embedded);
            assertThat(((List<?>) withKeycloak.get("leerplicht-0363 feed"))).hasSize(4);

            // The embedded server is off: no token endpoint, and the hub's own kind of token is not trusted.
            assertThat(new ApiClient(port(hub)).tokenResponse("leerplicht-0363", "leerplicht-0363-secret", null)
                    .status()).isIn(401, 403, 404);
            String scoped = keycloakTokens.token("leerplicht-0363", "leerplicht-0363-secret", "purpose:leerplicht");
            assertThat(ApiClient.claims(scoped).get("scope")).asString().contains("purpose:leerplicht");
            assertThat(api.get("/api/v1/feed?limit=1000", scoped).items()).isEqualTo(embedded.get("leerplicht-0363 feed"));
            assertThat(api.get("/api/v1/feed?purpose=passend-onderwijs", scoped).status()).isEqualTo(403);
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'DENY'"
                    + " and recipient_id = 'leerplicht-0363' and purpose_id = 'passend-onderwijs'", Long.class))
                    .isEqualTo(1);
        }
    }

    @SuppressWarnings("unchecked")
    private void assertKeycloakTokensCarryTheHubsClaims(ApiClient keycloakTokens) {
        Map<String, Object> claims = ApiClient.claims(keycloakTokens.token("swv-vo2701"));
        assertThat(claims).containsEntry("iss", keycloak.issuer()).containsEntry("azp", "swv-vo2701")
                .containsEntry("organisation", "VO2701").containsEntry("organisation_type", "PARTNERSHIP")
                .containsEntry("purposes", List.of("passend-onderwijs"));
        assertThat(claims.get("aud").toString()).contains("verzuimhub");
        assertThat(claims).containsEntry("role", "PARTNERSHIP");
        Map<String, Object> officer = ApiClient.claims(keycloakTokens.token("fg-privacy"));
        assertThat(officer).containsEntry("role", "PRIVACY_OFFICER").containsEntry("purposes", List.of("toezicht"));
    }

    /** What each demo client sees and is refused, as comparable values. */
    private static Map<String, Object> demoFlows(ApiClient api, java.util.function.Function<String, String> tokens) {
        Map<String, Object> seen = new LinkedHashMap<>();
        for (String client : FEED_CLIENTS) {
            ApiClient.Response feed = api.get("/api/v1/feed?limit=1000", tokens.apply(client));
            assertThat(feed.status()).as(client + ": " + feed.body()).isEqualTo(200);
            seen.put(client + " feed", feed.items());
            seen.put(client + " audit", api.get("/api/v1/audit/verify", tokens.apply(client)).status());
        }
        String officer = tokens.apply("fg-privacy");
        seen.put("fg-privacy feed", api.get("/api/v1/feed", officer).status());
        ApiClient.Response verify = api.get("/api/v1/audit/verify", officer);
        seen.put("fg-privacy verify", List.of(verify.status(), verify.json().get("valid")));
        ApiClient.Response search = api.get("/api/v1/audit/entries?recipient=swv-vo2701&limit=1000", officer);
        seen.put("fg-privacy search", List.of(search.status(), entryKeys(search)));
        String operator = tokens.apply("hub-operator");
        seen.put("hub-operator clients", api.get("/api/v1/clients", operator).status());
        seen.put("hub-operator audit", api.get("/api/v1/audit/entries", operator).status());
        seen.put("hub-operator feed", api.get("/api/v1/feed", operator).status());
        seen.put("no token", api.get("/api/v1/feed", null).status());
        return seen;
    }

    /** The audit entries about swv-vo2701's disclosures, without their times and hashes (which differ by run). */
    @SuppressWarnings("unchecked")
    private static List<String> entryKeys(ApiClient.Response search) {
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) search.json().get("entries")) {
            keys.add(entry.get("action") + " " + entry.get("recordId") + " v" + entry.get("recordVersion") + " "
                    + entry.get("purpose") + " " + entry.get("fields"));
        }
        return keys;
    }

    private static ConfigurableApplicationContext startHub(String... extra) {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "hub.embedded-postgres.data-dir=",
                "hub.register.base-url=" + register.baseUrl(), "hub.register.poll-interval=200ms",
                "spring.main.banner-mode=off"));
        properties.addAll(List.of(extra));
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(VerzuimhubApplication.class).profiles("demo")
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
        Waits.until("the register pages are ingested", Duration.ofSeconds(60),
                () -> jdbc.queryForObject("select next_sequence from register_cursor", Long.class) == 1009);
        return hub;
    }

    private static int port(ConfigurableApplicationContext hub) {
        return ((WebServerApplicationContext) hub).getWebServer().getPort();
    }

    private static void serve(long vanaf, String body) {
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(body)));
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = KeycloakIssuerTest.class.getResourceAsStream("/register-samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
