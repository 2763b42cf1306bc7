package nl.verzuimhub.connectors.register;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import nl.verzuimhub.core.port.RegisterPageStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Polls the register's change feed: on every tick, fetch pages from the stored cursor until the register has no more,
 * and hand each page to the {@link RegisterPageHandler}.
 *
 * <p>Two routes:
 * <ul>
 *   <li>{@value #POLL_ROUTE_ID}: a timer (first tick after at most one second, then every poll interval, never
 *       overlapping) that calls {@value #FETCH_ROUTE_ID} again and again while the last page said "more".</li>
 *   <li>{@value #FETCH_ROUTE_ID}: read the cursor from the {@link RegisterPageStore}, {@code GET
 *       {baseUrl}/v1/mutaties?vanaf={cursor}&max={pageSize}} with {@code Accept: application/xml}, then
 *       <ul>
 *         <li>200: {@link RegisterPageHandler#handle}; go on at once only if the outcome says more;</li>
 *         <li>204 or 304: nothing new; the body is not read; wait for the next tick;</li>
 *         <li>any other status, an I/O error, or an exception from the handler or store: log a warning (status or
 *             error type, never a body) and end this poll; the cursor is not moved, the next tick tries again.</li>
 *       </ul></li>
 * </ul>
 * Retry-After, back-off and alerting for 4xx/5xx are not handled yet: a failing register is simply asked again at
 * the next tick. (Apache HttpClient, under camel-http, itself retries a 429 or 503 once after its Retry-After unless
 * the http component's {@code automaticRetriesDisabled} is set.)
 *
 * <p>The timer measures the poll interval from the start of one poll to the start of the next; polls never overlap.
 *
 * <p>The base URL is read from its supplier at every request, so it may become known only after start-up.
 */
public class RegisterRoute extends RouteBuilder {
    /** Id of the timer route. */
    public static final String POLL_ROUTE_ID = "register-poll";
    /** Id of the route that fetches and handles one page. */
    public static final String FETCH_ROUTE_ID = "register-fetch-page";

    static final String FETCH_ENDPOINT = "direct:register-fetch-page";
    private static final Duration MAX_INITIAL_DELAY = Duration.ofSeconds(1);
    private static final String MORE = "registerMore";
    private static final String REQUESTED_FROM = "registerRequestedFrom";
    private static final String PAGE_URI = "registerPageUri";
    /** 200 is a page; 204 and 304 mean nothing new. Anything else fails the request. */
    private static final String OK_STATUS_CODES = "200,204,304";

    private final Supplier<URI> baseUrl;
    private final Duration pollInterval;
    private final int pageSize;
    private final RegisterPageStore store;
    private final RegisterPageHandler handler;

    /**
     * @param baseUrl      the register's base URL, asked at every request (must then pass the same checks as
     *                     {@link RegisterSettings#baseUrl()})
     * @param pollInterval time between polls, at least {@link RegisterSettings#MIN_POLL_INTERVAL}
     * @param pageSize     {@code max} per page, 1 to {@link RegisterSettings#MAX_PAGE_SIZE}
     * @param store        where the cursor is read from (the handler stores pages)
     * @param handler      handles every page answered with 200
     */
    public RegisterRoute(Supplier<URI> baseUrl, Duration pollInterval, int pageSize, RegisterPageStore store,
                         RegisterPageHandler handler) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.pollInterval = RegisterSettings.checkPollInterval(pollInterval);
        this.pageSize = RegisterSettings.checkPageSize(pageSize);
        this.store = Objects.requireNonNull(store, "store");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** A route for a configured base URL; {@code settings.baseUrl()} must be set. */
    public RegisterRoute(RegisterSettings settings, RegisterPageStore store, RegisterPageHandler handler) {
        this(fixedBaseUrl(settings), settings.pollInterval(), settings.pageSize(), store, handler);
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(this::logFailedPoll);

        from("timer:" + POLL_ROUTE_ID + "?synchronous=true&delay=" + initialDelay().toMillis()
                + "&period=" + pollInterval.toMillis())
                .routeId(POLL_ROUTE_ID)
                .setProperty(MORE, constant(true))
                .loopDoWhile(exchangeProperty(MORE).isEqualTo(true))
                    .to(FETCH_ENDPOINT)
                .end();

        from(FETCH_ENDPOINT)
                .routeId(FETCH_ROUTE_ID)
                .process(this::readCursor)
                .process(this::prepareGetRequest)
                .toD("${exchangeProperty." + PAGE_URI + "}")
                .choice()
                    .when(header(Exchange.HTTP_RESPONSE_CODE).isEqualTo(200))
                        .process(this::handlePage)
                    .otherwise()
                        .process(this::logNothingNew)
                .end();
    }

    /** vanaf := the store's cursor; "more" is false until a handled page says otherwise, so any failure ends the loop. */
    private void readCursor(Exchange exchange) {
        exchange.setProperty(MORE, false);
        long from = store.nextSequence();
        exchange.setProperty(REQUESTED_FROM, from);
        exchange.setProperty(PAGE_URI, pageUri(from));
    }

    /** A clean GET: no headers or body left over from the previous page. */
    private void prepareGetRequest(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader("Accept", "application/xml");
    }

    private void handlePage(Exchange exchange) {
        long from = exchange.getProperty(REQUESTED_FROM, Long.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        PageOutcome outcome = handler.handle(from, body == null ? new byte[0] : body);
        exchange.setProperty(MORE, outcome.more());
    }

    private void logNothingNew(Exchange exchange) {
        log.debug("register has nothing new from vanaf={} (HTTP {})", exchange.getProperty(REQUESTED_FROM),
                exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
    }

    /** Ends this poll. Logs the HTTP status or the error type; never a body, and never the message of a non-I/O error. */
    private void logFailedPoll(Exchange exchange) {
        exchange.setProperty(MORE, false);
        Object from = exchange.getProperty(REQUESTED_FROM);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        HttpOperationFailedException httpError = find(error, HttpOperationFailedException.class);
        IOException ioError = find(error, IOException.class);
        UnusableBaseUrl badUrl = find(error, UnusableBaseUrl.class);
        if (badUrl != null) {
            log.warn("register not polled: {}", badUrl.getMessage());
        } else if (httpError != null) {
            log.warn("register answered HTTP {} for vanaf={}; cursor unchanged, trying again at the next poll",
                    httpError.getStatusCode(), from);
        } else if (ioError != null) {
            log.warn("register request for vanaf={} failed: {}: {}; cursor unchanged, trying again at the next poll",
                    from, ioError.getClass().getSimpleName(), ioError.getMessage());
        } else {
            // Messages of other errors (for example from the database) may quote stored values: the type only.
            log.warn("register page for vanaf={} could not be processed: {}; cursor unchanged, trying again at the next poll",
                    from, error == null ? "unknown error" : error.getClass().getName());
        }
    }

    private String pageUri(long from) {
        URI supplied;
        try {
            supplied = baseUrl.get();
        } catch (RuntimeException e) {
            throw new UnusableBaseUrl("register base URL is not available yet: " + e.getMessage());
        }
        String base;
        try {
            base = RegisterSettings.checkBaseUrl(supplied).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnusableBaseUrl(e.getMessage());
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/v1/mutaties?vanaf=" + from + "&max=" + pageSize
                + "&httpMethod=GET&okStatusCodeRange=" + OK_STATUS_CODES;
    }

    private Duration initialDelay() {
        return pollInterval.compareTo(MAX_INITIAL_DELAY) < 0 ? pollInterval : MAX_INITIAL_DELAY;
    }

    private static Supplier<URI> fixedBaseUrl(RegisterSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.baseUrl() == null) {
            throw new IllegalArgumentException("register base URL is not configured; use the constructor that takes a Supplier<URI>");
        }
        URI url = settings.baseUrl();
        return () -> url;
    }

    /**
     * The base URL supplier failed, or its URL fails {@link RegisterSettings#checkBaseUrl}. The message comes from
     * configuration code, never from register data, so it is logged.
     */
    private static final class UnusableBaseUrl extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableBaseUrl(String message) {
            super(message, null, false, false);
        }
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
