package nl.verzuimhub.connectors.register;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import nl.verzuimhub.core.port.RegisterPageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches register pages and applies the register interface's table of answers, one request at a time:
 * <ul>
 *   <li>200: the page goes to {@link RegisterPageHandler} (stored whole, or quarantined whole);</li>
 *   <li>204, 304: nothing new;</li>
 *   <li>429, 5xx, timeouts, resets, other statuses: {@link PollSchedule} retries with back-off and jitter, honouring
 *       {@code Retry-After}; the cursor does not move;</li>
 *   <li>400, 401, 403, a refused TLS handshake: polling stops (an alert in the log, the failure metric, the health
 *       indicator) until {@link #resume}.</li>
 * </ul>
 * The Camel route drives it ({@link #isDue}, then {@link #fetchNextPage} while it returns true); an operator's retry of
 * a quarantined page uses {@link #fetchPage}. A lock makes sure only one page is handled at a time.
 *
 * <p>Fetching ahead (off unless turned on in the constructor, as in the hub: {@code hub.register.prefetch}): when a
 * page is ready to store and asks for the next one at once, the next page is fetched and read
 * ({@link RegisterPageHandler#read}, no side effects) on a background
 * thread ({@link PagePrefetch}) while this one is stored, and the next {@link #fetchNextPage} takes that answer up
 * instead of asking again, if it is for the stored cursor. An answer fetched ahead is judged only when it is taken
 * up, exactly like one fetched then (the same table, schedule, events and logs): fetching ahead moves only when the
 * bytes are fetched and read, never what is decided. It is discarded when the page before it could not be stored,
 * when it is not for the stored cursor, when no request is due, on {@link #fetchPage}, and on {@link #close}.
 *
 * <p>Logs name the {@code vanaf}, statuses, causes and exception types, never a body, a URL query, or the token.
 */
public final class RegisterPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterPoller.class);

    private final Supplier<URI> baseUrl;
    private final int pageSize;
    private final RegisterClient client;
    private final RegisterPageStore store;
    private final RegisterPageHandler handler;
    private final PollSchedule schedule;
    private final RegisterEvents events;
    private final Clock clock;
    private final PagePrefetch prefetch;
    private final ReentrantLock lock = new ReentrantLock();

    /** What one request achieved. */
    public record FetchResult(long requestedFrom, PageOutcome outcome, PollFailure failure, boolean nothingNew) {
        /** A page was stored (not quarantined). */
        public boolean passed() {
            return outcome != null && !outcome.quarantined();
        }
    }

    /** A poller that fetches one page at a time, the hub's default (see the class comment). */
    public RegisterPoller(Supplier<URI> baseUrl, int pageSize, RegisterClient client, RegisterPageStore store,
                          RegisterPageHandler handler, PollSchedule schedule, RegisterEvents events, Clock clock) {
        this(baseUrl, pageSize, client, store, handler, schedule, events, clock, false);
    }

    /**
     * @param baseUrl  asked at every request; must pass {@link RegisterSettings#checkBaseUrl}
     * @param pageSize {@code max} per page
     * @param store    read for the cursor only; the handler stores
     * @param prefetch fetch the next page while storing one (see the class comment); {@link #close} ends its thread
     */
    public RegisterPoller(Supplier<URI> baseUrl, int pageSize, RegisterClient client, RegisterPageStore store,
                          RegisterPageHandler handler, PollSchedule schedule, RegisterEvents events, Clock clock,
                          boolean prefetch) {
        this.prefetch = new PagePrefetch(prefetch);
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.pageSize = RegisterSettings.checkPageSize(pageSize);
        this.client = Objects.requireNonNull(client, "client");
        this.store = Objects.requireNonNull(store, "store");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True when polling runs and the next request is due. */
    public boolean isDue() {
        return schedule.isDue(clock.instant());
    }

    /**
     * Fetches the page at the stored cursor (or takes up the answer fetched ahead for it) and handles it. Returns true
     * when the register has more and the next page should be asked at once; false when this poll ends (caught up,
     * quarantined, failed, or stopped).
     */
    public boolean fetchNextPage() {
        lock.lock();
        try {
            if (!schedule.isDue(clock.instant())) {
                prefetch.discard();
                return false;
            }
            schedule.starting(clock.instant());
            FetchResult result = settle(answerAt(store.nextSequence()), prefetch.enabled());
            if (result.failure() != null) {
                recordFailure(result.failure());
                return false;
            }
            boolean more = result.outcome() != null && result.outcome().more();
            schedule.succeeded(clock.instant(), more);
            events.pollSucceeded(clock.instant());
            return more;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fetches the page at {@code vanaf} now, outside the schedule (an operator's retry of a quarantined page), and
     * handles it like any page. Discards a page fetched ahead, and fetches none. A failure is reported in the result and the metrics, but does not count against the
     * poll's attempts nor stop polling.
     */
    public FetchResult fetchPage(long vanaf) {
        lock.lock();
        try {
            prefetch.discard();
            FetchResult result = settle(fetchAndRead(vanaf), false);
            if (result.failure() == null) {
                events.pollSucceeded(clock.instant());
            } else {
                events.failed(result.failure(), null, Duration.ZERO);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Resumes polling after a stop; returns false when it was not stopped. */
    public boolean resume() {
        boolean resumed = schedule.resume(clock.instant());
        if (resumed) {
            LOG.info("register polling resumed by an operator");
            events.resumed(clock.instant());
        }
        return resumed;
    }

    /** The stored cursor: the {@code vanaf} asked next. */
    public long cursor() {
        return store.nextSequence();
    }

    public PollSchedule.Status status() {
        return schedule.status();
    }

    /**
     * Discards a page fetched ahead and ends the background thread. Does not wait for a page being handled; polling
     * afterwards still works, without fetching ahead. Idempotent.
     */
    @Override
    public void close() {
        prefetch.close();
    }

    /** The answer at {@code from}: the one fetched ahead for it, else fetched now. */
    private RegisterAnswer answerAt(long from) {
        try {
            return prefetch.take(from).orElseGet(() -> fetchAndRead(from));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RegisterAnswer.failed(from, FailureCause.CONNECTION, 0, null, "interrupted");
        }
    }

    /**
     * Asks the register for the page at {@code from} and reads it. Free of side effects (nothing stored, counted or
     * logged), so it may run ahead on the background thread and be discarded.
     */
    private RegisterAnswer fetchAndRead(long from) {
        URI uri;
        try {
            uri = pageUri(from);
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            return RegisterAnswer.failed(from, FailureCause.CONFIGURATION, 0, null, e.getMessage());
        }
        RegisterClient.Response response;
        try {
            response = client.get(uri);
        } catch (HttpTimeoutException e) {
            return RegisterAnswer.failed(from, FailureCause.TIMEOUT, 0, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (SSLException e) {
            return tlsRefused(from, e);
        } catch (IOException e) {
            SSLException tls = find(e, SSLException.class);
            if (tls != null) {
                return tlsRefused(from, tls);
            }
            return RegisterAnswer.failed(from, FailureCause.CONNECTION, 0, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RegisterAnswer.failed(from, FailureCause.CONNECTION, 0, null, "interrupted");
        }
        int status = response.status();
        if (status == 204 || status == 304) {
            return RegisterAnswer.nothingNew(from, status);
        }
        if (status != 200) {
            return RegisterAnswer.failed(from, FailureCause.ofStatus(status), status,
                    response.retryAfter().orElse(null), "register answered HTTP " + status);
        }
        try {
            PageBody body = response.body();
            return RegisterAnswer.page(body.oversized() ? handler.readOversized(from, body.size())
                    : handler.read(from, body.bytes()));
        } catch (RuntimeException e) {
            return RegisterAnswer.failed(from, FailureCause.PROCESSING, 200, null, unprocessable(e));
        }
    }

    /**
     * Decides on an answer by the table of answers: a failure, nothing new, or a page stored or quarantined (with its
     * events). With {@code fetchAhead}, the page after a page ready to store is fetched in the background while this
     * one is stored; it is discarded when storing fails.
     */
    private FetchResult settle(RegisterAnswer answer, boolean fetchAhead) {
        long from = answer.requestedFrom();
        if (answer.failed()) {
            Duration retryAfter = answer.retryAfter() == null ? null
                    : RetryAfter.parse(answer.retryAfter(), clock.instant()).orElse(null);
            return failure(from, answer.failureCause(), answer.status(), retryAfter, answer.detail());
        }
        if (answer.nothingNew()) {
            LOG.debug("register has nothing new from vanaf={} (HTTP {})", from, answer.status());
            return new FetchResult(from, null, null, true);
        }
        ReadPage read = answer.page();
        if (fetchAhead) {
            read.followingPage().ifPresent(next -> prefetch.start(next, () -> fetchAndRead(next)));
        }
        PageOutcome outcome;
        try {
            outcome = handler.apply(read);
        } catch (RuntimeException e) {
            prefetch.discard();
            return failure(from, FailureCause.PROCESSING, 200, null, unprocessable(e));
        }
        if (outcome.quarantined()) {
            events.pageQuarantined(from, outcome.reason(), read.refusal().sizeBytes());
        } else {
            events.pageStored(from, outcome.mutations(), outcome.changed());
        }
        return new FetchResult(from, outcome, null, false);
    }

    private static RegisterAnswer tlsRefused(long from, SSLException e) {
        return RegisterAnswer.failed(from, FailureCause.TLS, 0, null, "TLS handshake with the register failed ("
                + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "); check hub.register.tls.* and that the register trusts the hub's client certificate");
    }

    /** Why a page could not be read or stored: the type only, as messages (of the database, say) may quote values. */
    private static String unprocessable(RuntimeException e) {
        return "the page could not be processed: " + e.getClass().getName();
    }

    private FetchResult failure(long from, FailureCause cause, int status, Duration retryAfter, String detail) {
        return new FetchResult(from, null, new PollFailure(cause, status, retryAfter,
                detail == null ? cause.tag() : detail, clock.instant(), from), false);
    }

    private void recordFailure(PollFailure failure) {
        PollSchedule.Decision decision = schedule.failed(failure);
        Duration wait = Duration.between(clock.instant(), schedule.nextDue());
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        switch (decision) {
            case STOP:
                LOG.error("ALERT register polling stopped: {} ({}) for vanaf={}; cursor unchanged; fix the cause, then resume"
                        + " with POST /api/v1/register/resume", failure.detail(), failure.cause().tag(), failure.requestedFrom());
                break;
            case RETRY:
                LOG.warn("register request for vanaf={} failed: {} ({}); cursor unchanged, retrying in {} ms",
                        failure.requestedFrom(), failure.detail(), failure.cause().tag(), wait.toMillis());
                break;
            default:
                LOG.warn("register request for vanaf={} failed: {} ({}); cursor unchanged, attempts for this poll used up,"
                        + " next poll in {} ms", failure.requestedFrom(), failure.detail(), failure.cause().tag(), wait.toMillis());
                break;
        }
        events.failed(failure, decision, wait);
    }

    private URI pageUri(long from) {
        URI supplied;
        try {
            supplied = baseUrl.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("register base URL is not available yet: " + e.getMessage());
        }
        String base = RegisterSettings.checkBaseUrl(supplied).toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/v1/mutaties?vanaf=" + from + "&max=" + pageSize);
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
