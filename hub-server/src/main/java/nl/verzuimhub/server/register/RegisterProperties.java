package nl.verzuimhub.server.register;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import nl.verzuimhub.connectors.register.BackoffPolicy;
import nl.verzuimhub.connectors.register.PageLimits;
import nl.verzuimhub.connectors.register.RegisterSettings;
import nl.verzuimhub.connectors.register.RegisterTransport;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the register connector ({@code hub.register.*}); unset values get the defaults below.
 *
 * @param baseUrl             the register's exchange interface; when absent the hub serves and polls its built-in simulator
 * @param pollInterval        time between polls when the register has nothing more (default 10 s)
 * @param pageSize            {@code max} mutations asked per page, 1..1000 (default 500)
 * @param prefetch            fetch and read the next page while storing one, when the register says {@code Meer}
 *                            (default false); decisions are the same either way, only the overlap differs
 * @param connectTimeout      how long to wait for a connection (and TLS handshake) to the register (default 10 s)
 * @param readTimeout         how long to wait for the register's whole answer (default 60 s); longer is a timeout,
 *                            retried with back-off
 * @param maxPageBytes        a larger page is quarantined without being read whole (default 4MB)
 * @param maxMutationsPerPage a page with more mutations is quarantined (default 1000)
 * @param backoff             retries of temporary failures within one poll
 * @param tls                 mutual TLS: PKCS#12 key store (client certificate) and trust store
 * @param bearerToken         sent as {@code Authorization: Bearer} when set; never logged
 */
@ConfigurationProperties("hub.register")
public record RegisterProperties(URI baseUrl, Duration pollInterval, Integer pageSize, Boolean prefetch,
                                 Duration connectTimeout,
                                 Duration readTimeout, DataSize maxPageBytes, Integer maxMutationsPerPage,
                                 Backoff backoff, Tls tls, String bearerToken) {
    public RegisterProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        pageSize = pageSize == null ? RegisterSettings.DEFAULT_PAGE_SIZE : pageSize;
        prefetch = prefetch == null ? Boolean.FALSE : prefetch;
        connectTimeout = connectTimeout == null ? RegisterTransport.DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        readTimeout = readTimeout == null ? RegisterTransport.DEFAULT_READ_TIMEOUT : readTimeout;
        maxPageBytes = maxPageBytes == null ? DataSize.ofBytes(PageLimits.DEFAULT_MAX_BYTES) : maxPageBytes;
        maxMutationsPerPage = maxMutationsPerPage == null ? PageLimits.DEFAULT_MAX_MUTATIONS : maxMutationsPerPage;
        backoff = backoff == null ? new Backoff(null, null, null, null) : backoff;
        tls = tls == null ? new Tls(null, null, null, null) : tls;
    }

    public boolean usesSimulator() {
        return baseUrl == null || baseUrl.toString().isBlank();
    }

    public PageLimits limits() {
        return new PageLimits(maxPageBytes.toBytes(), maxMutationsPerPage);
    }

    /** Never shows the token or passwords. */
    @Override
    public String toString() {
        return "RegisterProperties[baseUrl=" + baseUrl + ", pollInterval=" + pollInterval + ", pageSize=" + pageSize
                + ", prefetch=" + prefetch
                + ", bearerToken=" + (bearerToken == null || bearerToken.isBlank() ? "none" : "set") + ", tls=" + tls + "]";
    }

    /**
     * @param initialDelay    wait after the first failure (default 1 s)
     * @param multiplier      growth per further failure (default 2)
     * @param maxDelay        cap of the wait (default 60 s)
     * @param maxAttempts     requests per poll including the first (default 5); then wait for the next poll
     */
    public record Backoff(Duration initialDelay, Double multiplier, Duration maxDelay, Integer maxAttempts) {
        public Backoff {
            initialDelay = initialDelay == null ? BackoffPolicy.DEFAULT_INITIAL_DELAY : initialDelay;
            multiplier = multiplier == null ? BackoffPolicy.DEFAULT_MULTIPLIER : multiplier;
            maxDelay = maxDelay == null ? BackoffPolicy.DEFAULT_MAX_DELAY : maxDelay;
            maxAttempts = maxAttempts == null ? BackoffPolicy.DEFAULT_MAX_ATTEMPTS : maxAttempts;
        }

        public BackoffPolicy policy() {
            return new BackoffPolicy(initialDelay, multiplier, maxDelay, maxAttempts, Math::random);
        }
    }

    /**
     * @param keyStore           PKCS#12 with the hub's client certificate and key (mutual TLS)
     * @param keyStorePassword   its password
     * @param trustStore         PKCS#12 with the CAs trusted for the register's certificate (default: the JVM's)
     * @param trustStorePassword its password
     */
    public record Tls(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {
        public boolean configured() {
            return keyStore != null || trustStore != null;
        }

        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
        }
    }
}
