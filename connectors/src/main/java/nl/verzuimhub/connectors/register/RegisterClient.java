package nl.verzuimhub.connectors.register;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The register's own HTTP client (the JDK's {@link HttpClient}, HTTP/1.1), configured only by
 * {@link RegisterTransport}: its TLS context (mutual TLS), bearer token, timeouts and page size limit. It does not
 * follow redirects and never retries by itself: every retry is decided by {@link PollSchedule}.
 *
 * <p>Contract of {@link #get}: returns the status, the {@code Retry-After} header and the body read with
 * {@link BoundedBodySubscriber} (never more than the limit in memory); throws {@link HttpTimeoutException} when the
 * connection or the whole answer (headers and body) takes longer than the timeouts, or another {@link IOException}
 * (connection refused or reset, TLS handshake refused). Thread-safe.
 */
public final class RegisterClient {
    /** What the register answered. */
    public record Response(int status, Optional<String> retryAfter, PageBody body) {
    }

    private final RegisterTransport transport;
    private final HttpClient http;

    public RegisterClient(RegisterTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(transport.connectTimeout());
        if (transport.sslContext() != null) {
            builder.sslContext(transport.sslContext());
        }
        this.http = builder.build();
    }

    public RegisterTransport transport() {
        return transport;
    }

    /** {@code GET uri} with {@code Accept: application/xml} and the bearer token when configured. */
    public Response get(URI uri) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(transport.readTimeout())
                .header("Accept", "application/xml");
        if (transport.bearerToken() != null) {
            request.header("Authorization", "Bearer " + transport.bearerToken());
        }
        CompletableFuture<java.net.http.HttpResponse<PageBody>> answer = http.sendAsync(request.build(),
                BoundedBodySubscriber.handler(transport.limits().maxBytes()));
        long deadline = transport.connectTimeout().plus(transport.readTimeout()).toMillis();
        try {
            java.net.http.HttpResponse<PageBody> response = answer.get(deadline, TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.headers().firstValue("Retry-After"), response.body());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + deadline + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (CancellationException e) {
            throw new IOException("request cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IOException(cause == null ? "request failed" : cause.getClass().getSimpleName(), cause);
        }
    }
}
