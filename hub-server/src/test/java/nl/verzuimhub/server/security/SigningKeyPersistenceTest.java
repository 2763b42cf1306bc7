package nl.verzuimhub.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.server.ApiClient;
import nl.verzuimhub.server.VerzuimhubApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded authorization server's keys and clients live in the database: a token (and a client registered at
 * runtime) survives a restart of the hub on the same database, a second instance on that database accepts the first one's tokens (and the other way round), rotation
 * keeps old tokens valid until their key is retired, and the keys are unreadable without the key-encryption key.
 * Real hubs (Spring contexts started and stopped here), real embedded PostgreSQL, real tokens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigningKeyPersistenceTest {
    static Path dataDir;
    static ConfigurableApplicationContext hub;
    static String tokenBeforeRestart;
    static String firstKeyId;
    static final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @AfterAll
    static void stopAll() {
        started.forEach(ConfigurableApplicationContext::close);
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    @Test
    @Order(1)
    void aTokenIssuedBeforeARestartIsAcceptedAfterIt() throws Exception {
        dataDir = Files.createTempDirectory("hub-keys-");
        ConfigurableApplicationContext first = start("hub.embedded-postgres.data-dir=" + dataDir);
        ApiClient api = api(first);
        tokenBeforeRestart = api.token("leerplicht-0363");
        firstKeyId = (String) ApiClient.header(tokenBeforeRestart).get("kid");
        assertThat(api.get("/api/v1/feed", tokenBeforeRestart).status()).isEqualTo(200);
        ApiClient.Response registered = api.post("/api/v1/clients", api.token("hub-operator"), """
                {"clientId": "rmc-utrecht", "organisationType": "RMC_REGION", "organisationCode": "rmc-utrecht",
                 "organisationName": "RMC Utrecht", "role": "RMC", "purposes": []}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String runtimeSecret = (String) registered.json().get("clientSecret");
        first.close();

        hub = start("hub.embedded-postgres.data-dir=" + dataDir, "hub.security.signing-keys.overlap=10s",
                "hub.security.signing-keys.check-interval=500ms");
        ApiClient again = api(hub);
        assertThat(again.get("/api/v1/feed", tokenBeforeRestart).status()).isEqualTo(200);
        assertThat(keyIds(again)).containsExactly(firstKeyId);
        assertThat(ApiClient.header(again.token("swv-vo2701"))).containsEntry("kid", firstKeyId);
        // Clients registered at runtime are in the database too; every secret is kept only as a bcrypt hash.
        assertThat(ApiClient.claims(again.token("rmc-utrecht", runtimeSecret, null)))
                .containsEntry("organisation", "rmc-utrecht").containsEntry("role", "RMC");
        assertThat(hub.getBean(JdbcTemplate.class).queryForList("select client_id || ' ' || secret_hash"
                + " from client_registration", String.class))
                .anySatisfy(row -> assertThat(row).startsWith("rmc-utrecht {bcrypt}"))
                .allSatisfy(row -> assertThat(row).matches("\\S+ \\{bcrypt}\\$2.+"));
    }

    @Test
    @Order(2)
    void theKeysAreSealedAndDoNotOpenWithAnotherKeyEncryptionKey() {
        JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
        Map<String, Object> row = jdbc.queryForMap("select public_jwk, private_key_sealed, kek_fingerprint"
                + " from signing_key where kid = ?", firstKeyId);
        assertThat((String) row.get("public_jwk")).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        assertThat((byte[]) row.get("private_key_sealed")).hasSizeGreaterThan(1000);

        int port = hub.getBean(EmbeddedPostgres.class).getPort();
        assertThatThrownBy(() -> start("spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "spring.datasource.username=postgres",
                "hub.security.key-encryption-key=b3RoZXIta2V5LWVuY3J5cHRpb24ta2V5LW5vdC10aGUtZGVtby1vbmU="))
                .hasStackTraceContaining("was sealed with another hub.security.key-encryption-key");
    }

    @Test
    @Order(3)
    void aSecondInstanceOnTheSameDatabaseSharesTheKeysAndSeesARotationAtOnce() {
        int port = hub.getBean(EmbeddedPostgres.class).getPort();
        ConfigurableApplicationContext second = start(
                "spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "spring.datasource.username=postgres", "hub.security.signing-keys.overlap=10s",
                "hub.register.base-url=http://localhost:" + api(hub).port() + "/simulator/register");
        ApiClient one = api(hub);
        ApiClient two = api(second);
        assertThat(two.get("/api/v1/feed", tokenBeforeRestart).status()).isEqualTo(200);
        assertThat(one.get("/api/v1/feed", two.token("leerplicht-0363")).status()).isEqualTo(200);

        // A client registered on one instance is a recipient on the other at once.
        ApiClient.Response registered = one.post("/api/v1/clients", one.token("hub-operator"), """
                {"clientId": "leerplicht-0599", "organisationType": "MUNICIPALITY", "organisationCode": "0599",
                 "organisationName": "Gemeente Rotterdam, leerplicht", "role": "ATTENDANCE_OFFICER",
                 "purposes": ["leerplicht"]}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String secret = (String) registered.json().get("clientSecret");
        ApiClient.Response feed = two.get("/api/v1/feed", one.token("leerplicht-0599", secret, null));
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);

        // The second instance rotates; the first, whose cache holds only the old key, accepts the new key's tokens.
        ApiClient.Response rotated = two.post("/api/v1/signing-keys/rotate", two.token("hub-operator"), null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKeyId = (String) rotated.json().get("keyId");
        String newToken = two.token("leerplicht-0363");
        assertThat(ApiClient.header(newToken)).containsEntry("kid", newKeyId);
        assertThat(one.get("/api/v1/feed", newToken).status()).isEqualTo(200);
        second.close();
        started.remove(second);
    }

    @Test
    @Order(4)
    void rotationKeepsOldTokensValidUntilTheOldKeyIsRetired() {
        ApiClient api = api(hub);
        assertThat(keyIds(api)).hasSize(2).contains(firstKeyId);
        assertThat(api.get("/api/v1/feed", tokenBeforeRestart).status()).isEqualTo(200);

        // The overlap (10 s here) ends and the scheduled upkeep retires the old key: its tokens are refused.
        Waits.until("the old key is retired", Duration.ofSeconds(30),
                () -> !keyIds(api).contains(firstKeyId));
        assertThat(keyIds(api)).hasSize(1);
        ApiClient.Response refused = api.get("/api/v1/feed", tokenBeforeRestart);
        assertThat(refused.status()).isEqualTo(401);
        assertThat((String) refused.json().get("detail")).contains("signature");
        // The upkeep also marks it retired in the database and erases its private part.
        JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
        Waits.until("the old key is marked retired", Duration.ofSeconds(10), () -> jdbc.queryForObject(
                "select retired_at is not null from signing_key where kid = ?", Boolean.class, firstKeyId));
        assertThat(jdbc.queryForObject("select private_key_sealed is null from signing_key where kid = ?",
                Boolean.class, firstKeyId)).isTrue();

        // On-demand: rotate, then retire the replaced key at once (e.g. it may have leaked).
        String operator = api.token("hub-operator");
        String current = api.token("swv-vo2701");
        String replacedKeyId = (String) ApiClient.header(current).get("kid");
        api.post("/api/v1/signing-keys/rotate", operator, null);
        assertThat(api.get("/api/v1/feed", current).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/signing-keys/" + replacedKeyId + "/retire", operator, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/feed", current).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/feed", operator).status()).as("every token of the retired key").isEqualTo(401);
        String freshOperator = api.token("hub-operator");
        assertThat(api.post("/api/v1/signing-keys/" + keyIds(api).get(0) + "/retire", freshOperator, null).status())
                .as("the signing key itself cannot be retired").isEqualTo(409);
    }

    @SuppressWarnings("unchecked")
    private static List<String> keyIds(ApiClient api) {
        List<Map<String, Object>> keys = (List<Map<String, Object>>) api.get("/oauth2/jwks", null).json().get("keys");
        return keys.stream().map(k -> (String) k.get("kid")).toList();
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "hub.simulator.pupils=200",
                "hub.register.poll-interval=1s", "spring.main.banner-mode=off"));
        all.addAll(List.of(properties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(VerzuimhubApplication.class)
                .profiles("demo").run(all.stream().map(p -> "--" + p).toArray(String[]::new));
        started.add(context);
        return context;
    }
}
