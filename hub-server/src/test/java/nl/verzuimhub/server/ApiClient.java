package nl.verzuimhub.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recipient's (or operator's) view of a running hub over real HTTP, with real tokens from its embedded authorization
 * server or any other token URL (Keycloak).
 */
public final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String tokenUrl;
    private final int port;

    /** Tokens from the hub's own authorization server. */
    public ApiClient(int port) {
        this("http://localhost:" + port, "http://localhost:" + port + "/oauth2/token");
    }

    public ApiClient(String baseUrl, String tokenUrl) {
        this.baseUrl = baseUrl;
        this.tokenUrl = tokenUrl;
        this.port = URI.create(baseUrl).getPort();
    }

    public int port() {
        return port;
    }

    public record Response(int status, String contentType, String body) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return JSON.readValue(body, Map.class);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return JSON.readValue(body, List.class);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }
    }

    /** client_credentials with the demo secret (client id + "-secret"). */
    public String token(String clientId) {
        return token(clientId, clientId + "-secret", null);
    }

    public String token(String clientId, String secret) {
        return token(clientId, secret, null);
    }

    public String token(String clientId, String secret, String scope) {
        Response response = tokenResponse(clientId, secret, scope);
        if (response.status() != 200) {
            throw new IllegalStateException("token request for " + clientId + " failed: " + response.status() + " "
                    + response.body());
        }
        return (String) response.json().get("access_token");
    }

    public Response tokenResponse(String clientId, String secret, String scope) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials"
                + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(tokenUrl)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** The recipient's feed from {@code after} on (up to 1,000 items), with a fresh token (demo secret). */
    public Response feed(String clientId, long after) {
        return get("/api/v1/feed?after=" + after + "&limit=1000", token(clientId));
    }

    public Response get(String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public Response post(String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a JWT, read without verifying it (tests only). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> claims(String jwt) {
        return JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> header(String jwt) {
        return JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), Map.class);
    }
}
