package nl.verzuimhub.connectors.register;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the register connector reaches and polls the register. Validated on construction, so wrong settings stop the
 * application at start-up with a message that says which setting is wrong and why.
 *
 * <p>Messages never repeat the URL itself, which could carry a secret in its query.
 *
 * <p>Bound by the server module (for example with {@code @ConfigurationProperties}); this module has no Spring.
 *
 * @param baseUrl      the register's base URL, {@code http} or {@code https}, without query, fragment or user info
 *                     (credentials are configured separately, never in the URL); the connector requests
 *                     {@code {baseUrl}/v1/mutaties}. May be null when the URL is not configured but supplied at run time
 *                     (the built-in register simulator, whose port is known only once the web server runs); then use
 *                     {@link RegisterRoute}'s constructor that takes a {@code Supplier<URI>}
 * @param pollInterval time between polls, at least {@link #MIN_POLL_INTERVAL}
 * @param pageSize     the {@code max} asked per page, 1 to {@link #MAX_PAGE_SIZE}; 0 (a property left unset) means
 *                     {@link #DEFAULT_PAGE_SIZE}
 */
public record RegisterSettings(URI baseUrl, Duration pollInterval, int pageSize) {
    /** The register's default page size. */
    public static final int DEFAULT_PAGE_SIZE = 500;
    /** The largest page the register serves. */
    public static final int MAX_PAGE_SIZE = 1000;
    /** The shortest poll interval accepted: shorter would hammer the register. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(100);

    public RegisterSettings {
        if (baseUrl != null) {
            checkBaseUrl(baseUrl);
        }
        checkPollInterval(pollInterval);
        if (pageSize == 0) {
            pageSize = DEFAULT_PAGE_SIZE;
        }
        checkPageSize(pageSize);
    }

    /** Settings with the default page size. */
    public static RegisterSettings of(URI baseUrl, Duration pollInterval) {
        return new RegisterSettings(baseUrl, pollInterval, DEFAULT_PAGE_SIZE);
    }

    /** Returns {@code baseUrl} if it is a usable register base URL, else throws with the reason. */
    static URI checkBaseUrl(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "register base URL is not set");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!baseUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("register base URL must be an absolute http or https URL"
                    + (scheme.isEmpty() ? "" : ", got scheme " + scheme));
        }
        if (baseUrl.getHost() == null || baseUrl.getHost().isEmpty()) {
            throw new IllegalArgumentException("register base URL has no host");
        }
        if (baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("register base URL must not contain credentials; configure them separately");
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("register base URL must not have a query or fragment");
        }
        return baseUrl;
    }

    static Duration checkPollInterval(Duration pollInterval) {
        Objects.requireNonNull(pollInterval, "register poll interval is not set");
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("register poll interval must be at least " + MIN_POLL_INTERVAL.toMillis()
                    + " ms, got " + pollInterval);
        }
        return pollInterval;
    }

    static int checkPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("register page size must be 1 to " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        return pageSize;
    }
}
