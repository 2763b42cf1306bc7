package nl.verzuimhub.connectors.push;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 client credentials against a recipient's own token endpoint (client secret in HTTP Basic, as RFC 6749
 * prefers). The token is cached until 30 seconds before it expires, or until the recipient rejects it.
 */
final class OAuth2TokenSource {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final WebhookSettings.OAuth2 settings;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    OAuth2TokenSource(WebhookSettings.OAuth2 settings, HttpClient http, Duration timeout, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    synchronized String token() throws IOException, InterruptedException {
        if (token != null && clock.instant().isBefore(expiresAt)) {
            return token;
        }
        String basic = Base64.getEncoder().encodeToString((encode(settings.clientId()) + ":"
                + encode(settings.clientSecret())).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials"
                + (settings.scope() == null || settings.scope().isBlank() ? "" : "&scope=" + encode(settings.scope()));
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl()).timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered HTTP " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        JsonNode accessToken = body.get("access_token");
        if (accessToken == null || !accessToken.isString()) {
            throw new IOException("token endpoint answered without an access_token");
        }
        JsonNode expiresIn = body.get("expires_in");
        long seconds = expiresIn != null && expiresIn.canConvertToLong() ? expiresIn.asLong() : 60;
        token = accessToken.asString();
        Instant now = clock.instant();
        expiresAt = now.plusSeconds(seconds).minus(SKEW).isAfter(now) ? now.plusSeconds(seconds).minus(SKEW)
                : now.plusSeconds(seconds);
        return token;
    }

    /** The recipient refused the token: fetch a new one next time. */
    synchronized void invalidate() {
        token = null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
