package nl.verzuimhub.connectors.push;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Webhook: one HTTPS POST per batch, with the body of a feed page, signed ({@code X-Hub-Timestamp},
 * {@code X-Hub-Signature-256}) and/or with an OAuth2 bearer token, and with the batch's {@code Idempotency-Key}.
 *
 * <p>Answers: 2xx is delivered; 409 that echoes the same {@code Idempotency-Key} (header or body) means the
 * recipient already has this batch, so it is delivered too; 429, 5xx, timeouts and broken connections fail with
 * {@code Retry-After} honoured; any other status fails as well (the outbox retries it up to its limit and then
 * makes it a dead letter, since a 4xx usually needs a person to fix something on either side).
 */
public final class WebhookConnector implements PushConnector {
    public static final String ID = "webhook";

    private final WebhookSettings settings;
    private final HttpClient http;
    private final OAuth2TokenSource tokens;
    private final Clock clock;

    public WebhookConnector(WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        if (settings.tls() != null) {
            builder.sslContext(settings.tls());
        }
        this.http = builder.build();
        this.tokens = settings.oauth2() == null ? null
                : new OAuth2TokenSource(settings.oauth2(), http, settings.readTimeout(), clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String target() {
        return settings.url().getScheme() + "://" + settings.url().getAuthority() + settings.url().getPath();
    }

    @Override
    public DeliveryResult deliver(PushBatch batch) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.readTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", batch.idempotencyKey())
                .header("X-Hub-Timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.jsonBody()));
        if (settings.secret() != null && !settings.secret().isBlank()) {
            request.header("X-Hub-Signature-256", Signature.sign(settings.secret(), timestamp, batch.jsonBody()));
        }
        try {
            if (tokens != null) {
                request.header("Authorization", "Bearer " + tokens.token());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return classify(response, batch.idempotencyKey());
        } catch (HttpTimeoutException e) {
            return new DeliveryResult.Failed("timeout: " + e.getClass().getSimpleName(), null);
        } catch (javax.net.ssl.SSLException e) {
            return new DeliveryResult.Failed("TLS handshake failed (the recipient's certificate or ours is not"
                    + " trusted, see push.tls.*): " + e.getClass().getSimpleName(), null);
        } catch (IOException e) {
            if (e.getCause() instanceof javax.net.ssl.SSLException) {
                return new DeliveryResult.Failed("TLS handshake failed (the recipient's certificate or ours is not"
                        + " trusted, see push.tls.*): " + e.getCause().getClass().getSimpleName(), null);
            }
            return new DeliveryResult.Failed("connection failed: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Failed("interrupted", null);
        }
    }

    private DeliveryResult classify(HttpResponse<String> response, String key) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new DeliveryResult.Delivered("HTTP " + status);
        }
        if (status == 409 && (key.equals(response.headers().firstValue("Idempotency-Key").orElse(null))
                || (response.body() != null && response.body().contains(key)))) {
            return new DeliveryResult.Delivered("HTTP 409: already received");
        }
        if (status == 401 && tokens != null) {
            tokens.invalidate();
        }
        return new DeliveryResult.Failed("HTTP " + status, retryAfter(response).orElse(null));
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration wait = Duration.between(clock.instant(), at.toInstant());
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }
}
