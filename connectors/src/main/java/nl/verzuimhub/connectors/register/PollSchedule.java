package nl.verzuimhub.connectors.register;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the register connector may ask the register next: the poll interval, back-off after temporary failures,
 * {@code Retry-After}, and the stop after a refusal. Plain state, no threads and no sleeping: the route asks
 * {@link #isDue} on every tick of a fast timer and reports what happened.
 *
 * <p>Contract:
 * <ul>
 *   <li>A poll starts when due; every request of it is reported as {@link #succeeded} or {@link #failed}.</li>
 *   <li>When a poll ends normally (the register has nothing more, or a page was quarantined), the next one is due one
 *       poll interval after this one started (at once if it took longer).</li>
 *   <li>A temporary failure makes the next request due after the back-off's jittered delay, or after the register's
 *       Retry-After if that is longer; after {@code maxAttemptsPerPoll} consecutive failed requests the poll gives up
 *       and the next one is due at the normal next poll (and not before a Retry-After).</li>
 *   <li>A refusal ({@link FailureCause#stopsPolling()}) stops polling: {@link #isDue} is false until {@link #resume}.</li>
 * </ul>
 * Thread-safe (all methods synchronized); time is always passed in, so tests need no clock tricks.
 */
public final class PollSchedule {
    private final Duration pollInterval;
    private final BackoffPolicy backoff;

    private Instant nextDue = Instant.MIN;
    private Instant pollStartedAt;
    private int failedAttempts;
    private int consecutiveFailures;
    private Instant lastSuccessAt;
    private PollFailure lastFailure;
    private PollFailure stopReason;

    public PollSchedule(Duration pollInterval, BackoffPolicy backoff) {
        this.pollInterval = RegisterSettings.checkPollInterval(pollInterval);
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** What the schedule decided after a failure. */
    public enum Decision {
        /** Ask again within this poll, after the returned wait. */
        RETRY,
        /** Attempts for this poll are used up: wait for the next poll. */
        NEXT_POLL,
        /** A refusal: polling stopped until an operator resumes it. */
        STOP
    }

    /** The state for health, metrics and the operator API. */
    public record Status(boolean stopped, PollFailure stopReason, PollFailure lastFailure, Instant lastSuccessAt,
                         int consecutiveFailures, Instant nextDue) {
    }

    /** True when running and the next request is due at {@code now}. */
    public synchronized boolean isDue(Instant now) {
        return stopReason == null && !now.isBefore(nextDue);
    }

    /** A request is about to be made; the first of a poll marks its start. */
    public synchronized void starting(Instant now) {
        if (failedAttempts == 0 && pollStartedAt == null) {
            pollStartedAt = now;
        }
    }

    /** The register answered usefully (a page, or nothing new); {@code more} when the next page is asked at once. */
    public synchronized void succeeded(Instant now, boolean more) {
        failedAttempts = 0;
        consecutiveFailures = 0;
        lastSuccessAt = now;
        if (!more) {
            endPoll(now, Duration.ZERO);
        }
    }

    /** A request failed; returns what happens next. The wait of a retry is {@link #nextDue()} minus {@code now}. */
    public synchronized Decision failed(PollFailure failure) {
        Instant now = failure.at();
        lastFailure = failure;
        consecutiveFailures++;
        if (failure.cause().stopsPolling()) {
            stopReason = failure;
            failedAttempts = 0;
            pollStartedAt = null;
            return Decision.STOP;
        }
        failedAttempts++;
        Duration retryAfter = failure.retryAfter() == null ? Duration.ZERO : failure.retryAfter();
        if (backoff.mayRetry(failedAttempts)) {
            Duration wait = backoff.delayAfter(failedAttempts);
            nextDue = now.plus(retryAfter.compareTo(wait) > 0 ? retryAfter : wait);
            return Decision.RETRY;
        }
        endPoll(now, retryAfter);
        return Decision.NEXT_POLL;
    }

    /** Resumes polling after a stop (at once); returns false when it was not stopped. */
    public synchronized boolean resume(Instant now) {
        if (stopReason == null) {
            return false;
        }
        stopReason = null;
        failedAttempts = 0;
        pollStartedAt = null;
        nextDue = now;
        return true;
    }

    public synchronized Instant nextDue() {
        return nextDue;
    }

    public synchronized Status status() {
        return new Status(stopReason != null, stopReason, lastFailure, lastSuccessAt, consecutiveFailures,
                nextDue.equals(Instant.MIN) ? null : nextDue);
    }

    private void endPoll(Instant now, Duration notBefore) {
        Instant started = pollStartedAt == null ? now : pollStartedAt;
        Instant next = started.plus(pollInterval);
        if (next.isBefore(now)) {
            next = now;
        }
        if (next.isBefore(now.plus(notBefore))) {
            next = now.plus(notBefore);
        }
        nextDue = next;
        failedAttempts = 0;
        pollStartedAt = null;
    }
}
