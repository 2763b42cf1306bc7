package nl.verzuimhub.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.server.ApiClient;
import nl.verzuimhub.server.security.keys.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every way a request can be refused for its token, purpose or role, on the running hub with real tokens: the status
 * (401 or 403), a problem+json body that names the failed check and carries nothing of the token or the data, an
 * application log line, and a denial in the audit log whenever the client is identified (a verified signature).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded-postgres.data-dir=", "hub.simulator.pupils=300", "hub.register.poll-interval=200ms"})
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class TokenSecurityTest {
    static final String ISSUER = "http://localhost:8080";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SigningKeys signingKeys;
    @Autowired
    org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService authorizations;

    @Test
    void noTokenIs401WithABearerChallengeAndNoAuditEntry(CapturedOutput output) {
        long entries = auditEntries();
        ApiClient.Response response = new ApiClient(port).get("/api/v1/feed", null);
        assertRefused(response, 401, "no bearer token");
        assertThat(auditEntries()).isEqualTo(entries);
        assertThat(output.getOut()).contains("Refused GET /api/v1/feed: no bearer token");
    }

    @Test
    void anExpiredTokenIs401AndADenialOfItsClient(CapturedOutput output) {
        String token = TokenForge.sign(signingKeys.signingKey().jwk(), TokenForge.leerplichtClaims(ISSUER),
                claims -> claims.issueTime(ago(3600)).notBeforeTime(ago(3600)).expirationTime(ago(600)));
        assertRefusedAndDenied(token, 401, "expired", output);
    }

    @Test
    void aTokenOfAnotherIssuerIs401AndADenialOfItsClient(CapturedOutput output) {
        String token = TokenForge.sign(signingKeys.signingKey().jwk(), TokenForge.leerplichtClaims(ISSUER),
                claims -> claims.issuer("https://idp.elsewhere.example"));
        assertRefusedAndDenied(token, 401, "issuer", output);
    }

    @Test
    void aTokenForAnotherAudienceIs401AndADenialOfItsClient(CapturedOutput output) {
        String token = TokenForge.sign(signingKeys.signingKey().jwk(), TokenForge.leerplichtClaims(ISSUER),
                claims -> claims.audience(List.of("leerplicht-0363", "another-api")));
        assertRefusedAndDenied(token, 401, "audience", output);
    }

    @Test
    void aTamperedTokenIs401AndOnlyLoggedBecauseItsClaimsCannotBeTrusted(CapturedOutput output) {
        String real = new ApiClient(port).token("swv-vo2701");
        String[] parts = real.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"PARTNERSHIP\"", "\"ATTENDANCE_OFFICER\"");
        assertThat(payload).contains("ATTENDANCE_OFFICER");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        long denials = denials();
        assertRefused(new ApiClient(port).get("/api/v1/feed", tampered), 401, "signature");
        String foreign = TokenForge.sign(TokenForge.foreignKey(signingKeys.signingKey().keyId()),
                TokenForge.leerplichtClaims(ISSUER), claims -> claims);
        assertRefused(new ApiClient(port).get("/api/v1/feed", foreign), 401, "signature");
        assertThat(denials()).isEqualTo(denials);
        assertThat(output.getOut()).contains("Refused GET /api/v1/feed: the token's signature does not verify");
        assertRefused(new ApiClient(port).get("/api/v1/feed", "not-a-token"), 401, "well-formed");
    }

    @Test
    void aRevokedClientsExistingTokenIsRefusedAtOnceAndItGetsNoNewOne(CapturedOutput output) {
        ApiClient hub = new ApiClient(port);
        String operator = hub.token("hub-operator");
        ApiClient.Response registered = hub.post("/api/v1/clients", operator, """
                {"clientId": "leerplicht-0599", "organisationType": "MUNICIPALITY", "organisationCode": "0599",
                 "organisationName": "Gemeente Rotterdam, leerplicht", "role": "ATTENDANCE_OFFICER",
                 "purposes": ["leerplicht"]}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String secret = (String) registered.json().get("clientSecret");
        assertThat(jdbc.queryForObject("select secret_hash from client_registration where client_id = 'leerplicht-0599'",
                String.class)).startsWith("{bcrypt}").doesNotContain(secret);
        String token = hub.token("leerplicht-0599", secret, null);
        assertThat(ApiClient.claims(token)).containsEntry("organisation", "0599")
                .containsEntry("role", "ATTENDANCE_OFFICER").containsEntry("purposes", List.of("leerplicht"));
        assertThat(hub.get("/api/v1/feed", token).status()).isEqualTo(200);

        assertThat(hub.post("/api/v1/clients/leerplicht-0599/revoke", operator, null).status()).isEqualTo(204);
        long denials = denials();
        assertRefused(hub.get("/api/v1/feed", token), 401, "revoked");
        assertThat(denials()).isEqualTo(denials + 1);
        assertThat(lastDenial()).containsEntry("recipient_id", "leerplicht-0599");
        assertThat((String) lastDenial().get("reason")).contains("revoked");
        assertThat(hub.tokenResponse("leerplicht-0599", secret, null).status()).isEqualTo(401);
        assertThat(output.getOut()).contains("Refused GET /api/v1/feed: the token's client has been revoked")
                .doesNotContain(secret);
    }

    @Test
    void aPurposeOutsideTheClientsSetIs403AndADenialWhetherNamedByParameterHeaderOrScope(CapturedOutput output) {
        ApiClient hub = new ApiClient(port);
        String token = hub.token("leerplicht-0363");
        long denials = denials();
        assertRefused(hub.get("/api/v1/feed?purpose=passend-onderwijs", token), 403, "purpose");
        assertThat(lastDenial()).containsEntry("recipient_id", "leerplicht-0363")
                .containsEntry("purpose_id", "passend-onderwijs");
        assertRefused(hub.get("/api/v1/feed", token, PurposeFilter.HEADER, "jeugdgezondheidszorg"), 403, "purpose");
        assertThat(lastDenial()).containsEntry("purpose_id", "jeugdgezondheidszorg");
        assertThat(denials()).isEqualTo(denials + 2);
        assertThat(output.getOut()).contains("for client leerplicht-0363: purpose not granted");

        assertThat(hub.get("/api/v1/feed", token, PurposeFilter.HEADER, "leerplicht").status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/feed?purpose=leerplicht", token, PurposeFilter.HEADER, "toezicht").status())
                .isEqualTo(400);

        // The authorization server grants only the client's own purposes as scopes.
        ApiClient.Response notGranted = hub.tokenResponse("leerplicht-0363", "leerplicht-0363-secret",
                "purpose:passend-onderwijs");
        assertThat(notGranted.status()).isEqualTo(400);
        assertThat(notGranted.json()).containsEntry("error", "invalid_scope");

        String scoped = hub.token("fg-privacy", "fg-privacy-secret", "purpose:toezicht");
        assertThat(ApiClient.claims(scoped)).containsEntry("scope", List.of("purpose:toezicht"))
                .containsEntry("purposes", List.of("toezicht"));
        assertThat(hub.get("/api/v1/audit/verify", scoped).status()).isEqualTo(200);
        assertRefused(hub.get("/api/v1/audit/verify?purpose=leerplicht", scoped), 403, "purpose");
    }

    @Test
    void aRoleOtherThanPrivacyOfficerIsRefusedOnTheAuditEndpoints(CapturedOutput output) {
        ApiClient hub = new ApiClient(port);
        for (String client : List.of("leerplicht-0363", "swv-vo2701", "jgz-ggd-amsterdam", "hub-operator")) {
            String token = hub.token(client);
            for (String path : List.of("/api/v1/audit/entries", "/api/v1/audit/verify",
                    "/api/v1/audit/entries?subject=725763863")) {
                long denials = denials();
                assertRefused(hub.get(path, token), 403, "role");
                assertThat(denials()).isEqualTo(denials + 1);
                assertThat(lastDenial()).containsEntry("recipient_id", client);
            }
        }
        assertThat(output.getOut()).contains("Refused GET /api/v1/audit/entries for client swv-vo2701: role not permitted")
                .doesNotContain("725763863");
        assertRefused(hub.get("/api/v1/clients", hub.token("leerplicht-0363")), 403, "role");
        assertThat(hub.get("/api/v1/clients", hub.token("hub-operator")).list())
                .extracting(c -> c.get("clientId")).contains("leerplicht-0363", "hub-operator")
                .allSatisfy(id -> assertThat(id).isNotNull());
        assertThat(hub.get("/api/v1/clients", hub.token("hub-operator")).body()).doesNotContain("secret", "bcrypt");
    }

    @Test
    void tokensCarryTheHubsClaimsAndAudience() {
        String token = new ApiClient(port).token("jgz-ggd-amsterdam");
        Map<String, Object> claims = ApiClient.claims(token);
        assertThat(claims).containsEntry("iss", ISSUER).containsEntry("aud", "verzuimhub")
                .containsEntry("client_id", "jgz-ggd-amsterdam").containsEntry("organisation", "ggd-amsterdam-amstelland")
                .containsEntry("organisation_type", "GGD_REGION").containsEntry("role", "YOUTH_DOCTOR")
                .containsEntry("purposes", List.of("jeugdgezondheidszorg"));
        assertThat(ApiClient.header(token)).containsEntry("kid", signingKeys.signingKey().keyId());
        assertThat(authorizations).as("the server records what it issues in the expiring store")
                .isInstanceOf(ExpiringAuthorizationService.class);
        assertThat(authorizations.findByToken(token,
                org.springframework.security.oauth2.server.authorization.OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(600);
    }

    private void assertRefusedAndDenied(String token, int status, String check, CapturedOutput output) {
        long denials = denials();
        assertRefused(new ApiClient(port).get("/api/v1/feed", token), status, check);
        assertThat(denials()).isEqualTo(denials + 1);
        Map<String, Object> denial = lastDenial();
        assertThat(denial).containsEntry("recipient_id", "leerplicht-0363").containsEntry("outcome", "DENIED");
        assertThat((String) denial.get("reason")).contains(check);
        assertThat(output.getOut()).containsPattern("Refused GET /api/v1/feed: .*" + check);
    }

    /** The body is problem+json, names the check, and holds no stack trace, no claim value, no exception text. */
    private static void assertRefused(ApiClient.Response response, int status, String check) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json()).containsEntry("status", status);
        assertThat((String) response.json().get("detail")).contains(check);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "nimbus", "leerplicht-0363", "0363",
                "ATTENDANCE_OFFICER", "Jwt", "elsewhere.example", "another-api", "725763863");
    }

    private static Date ago(long seconds) {
        return Date.from(Instant.now().minus(Duration.ofSeconds(seconds)));
    }

    private long auditEntries() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }

    private long denials() {
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'DENY'", Long.class);
    }

    private Map<String, Object> lastDenial() {
        return jdbc.queryForMap("select * from audit_entry where action = 'DENY' order by id desc limit 1");
    }
}
