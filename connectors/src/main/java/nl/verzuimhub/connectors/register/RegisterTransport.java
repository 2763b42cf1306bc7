package nl.verzuimhub.connectors.register;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How the connector talks to the register: timeouts, TLS (with a client certificate for mutual TLS), an optional
 * bearer token, and the page size limit. Used by {@link RegisterClient} only, so no other connector inherits it.
 *
 * @param connectTimeout time to set up the connection (including the TLS handshake)
 * @param readTimeout    time for the whole answer, headers and body; longer fails as a {@link FailureCause#TIMEOUT}
 * @param sslContext     the TLS context for https (client key and trusted CAs, see {@link nl.verzuimhub.connectors.tls.TlsContexts}); null for the
 *                       JVM's default
 * @param bearerToken    sent as {@code Authorization: Bearer} when not null or blank; never logged
 * @param limits         the largest page accepted
 */
public record RegisterTransport(Duration connectTimeout, Duration readTimeout, SSLContext sslContext, String bearerToken,
                                PageLimits limits) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    public RegisterTransport {
        Objects.requireNonNull(connectTimeout, "register connect timeout is not set");
        Objects.requireNonNull(readTimeout, "register read timeout is not set");
        Objects.requireNonNull(limits, "limits");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("register connect and read timeouts must be more than zero");
        }
        if (bearerToken != null && bearerToken.isBlank()) {
            bearerToken = null;
        }
    }

    /** Default timeouts and limits, the JVM's TLS, no token. */
    public static RegisterTransport defaults() {
        return new RegisterTransport(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, null, null, PageLimits.DEFAULTS);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "RegisterTransport[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", tls="
                + (sslContext == null ? "jvm default" : "configured") + ", bearerToken="
                + (bearerToken == null ? "none" : "set") + ", limits=" + limits + "]";
    }
}
