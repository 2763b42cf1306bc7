package nl.verzuimhub.connectors.register;

import java.util.Locale;

/**
 * Why a request to the register failed, as the register interface's table of answers sorts it: either temporary
 * (retried with back-off, the cursor stays) or a refusal that no retry can fix (polling stops until an operator
 * resumes it).
 */
public enum FailureCause {
    /** 500, 502, 503, 504: temporary. */
    SERVER_ERROR(false),
    /** 429: rate limited; wait at least its Retry-After. */
    RATE_LIMITED(false),
    /** No answer within the connect or read timeout. */
    TIMEOUT(false),
    /** Connection refused or reset, or another I/O error. */
    CONNECTION(false),
    /** A status the interface does not name (for example 404): retried, and alerted through the failure metric. */
    UNEXPECTED_STATUS(false),
    /** The page was fetched but could not be stored (for example the database is down). */
    PROCESSING(false),
    /** The register's base URL is not usable (yet). */
    CONFIGURATION(false),
    /** 400: the request was wrong (bad vanaf); never skip ahead. */
    BAD_REQUEST(true),
    /** 401: credentials refused. */
    UNAUTHORIZED(true),
    /** 403: credentials refused. */
    FORBIDDEN(true),
    /** The TLS handshake failed: our client certificate was refused or the register's certificate is not trusted. */
    TLS(true);

    private final boolean stopsPolling;

    FailureCause(boolean stopsPolling) {
        this.stopsPolling = stopsPolling;
    }

    /** True when retrying cannot help: polling stops and an operator must resume it after fixing the cause. */
    public boolean stopsPolling() {
        return stopsPolling;
    }

    /** The metric tag value, e.g. {@code server-error}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The cause of an HTTP status that is neither a page (200) nor "nothing new" (204, 304). */
    public static FailureCause ofStatus(int status) {
        switch (status) {
            case 400:
                return BAD_REQUEST;
            case 401:
                return UNAUTHORIZED;
            case 403:
                return FORBIDDEN;
            case 429:
                return RATE_LIMITED;
            case 500:
            case 502:
            case 503:
            case 504:
                return SERVER_ERROR;
            default:
                return UNEXPECTED_STATUS;
        }
    }
}
