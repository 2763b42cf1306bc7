package nl.verzuimhub.connectors.push;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The webhook connector's settings ({@code hub.recipients.<client-id>.push.*}).
 *
 * @param url            the recipient's endpoint; {@code https} (plain {@code http} only for a loopback host, for
 *                       tests and a receiver on the same machine)
 * @param secret         the push secret that signs every request (HMAC-SHA256); required unless OAuth2 is set
 * @param oauth2         client credentials for the recipient's own token endpoint, or null
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout    how long to wait for the answer to one request
 * @param tls            the TLS context for the recipient's https endpoint and token endpoint (a client certificate
 *                       for mutual TLS, the CAs trusted for the recipient's certificate; see
 *                       {@link nl.verzuimhub.connectors.tls.TlsContexts}), or null for the JVM's default CAs and no
 *                       client certificate
 */
public record WebhookSettings(URI url, String secret, OAuth2 oauth2, Duration connectTimeout, Duration readTimeout,
                              SSLContext tls) {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** Client credentials against the recipient's token endpoint; the token is cached until it expires. */
    public record OAuth2(URI tokenUrl, String clientId, String clientSecret, String scope) {
    }

    public WebhookSettings {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    /** Without TLS settings of its own: the JVM's default CAs, no client certificate. */
    public WebhookSettings(URI url, String secret, OAuth2 oauth2, Duration connectTimeout, Duration readTimeout) {
        this(url, secret, oauth2, connectTimeout, readTimeout, null);
    }

    /** Every problem with these settings, each naming its property under {@code prefix} (e.g. hub.recipients.x.push). */
    public List<String> problems(String prefix) {
        List<String> problems = new ArrayList<>();
        checkUrl(problems, prefix + ".url", url);
        boolean hasSecret = secret != null && !secret.isBlank();
        if (!hasSecret && oauth2 == null) {
            problems.add(prefix + ".secret is missing: a webhook needs a push secret to sign with, or " + prefix
                    + ".oauth2.*");
        }
        if (hasSecret && secret.length() < 16) {
            problems.add(prefix + ".secret is too short: use at least 16 characters");
        }
        if (oauth2 != null) {
            checkUrl(problems, prefix + ".oauth2.token-url", oauth2.tokenUrl());
            if (oauth2.clientId() == null || oauth2.clientId().isBlank()) {
                problems.add(prefix + ".oauth2.client-id is missing");
            }
            if (oauth2.clientSecret() == null || oauth2.clientSecret().isBlank()) {
                problems.add(prefix + ".oauth2.client-secret is missing");
            }
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            problems.add(prefix + ".connect-timeout must be positive");
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            problems.add(prefix + ".read-timeout must be positive");
        }
        return problems;
    }

    private static void checkUrl(List<String> problems, String property, URI url) {
        if (url == null) {
            problems.add(property + " is missing");
        } else if (url.getHost() == null) {
            problems.add(property + " must be an absolute URL, was '" + url + "'");
        } else if (!"https".equalsIgnoreCase(url.getScheme())
                && !("http".equalsIgnoreCase(url.getScheme()) && LOOPBACK.contains(url.getHost()))) {
            problems.add(property + " must use https (plain http only for localhost), was '" + url + "'");
        }
    }
}
