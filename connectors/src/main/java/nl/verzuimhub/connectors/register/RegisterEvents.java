package nl.verzuimhub.connectors.register;

import java.time.Duration;
import java.time.Instant;

/**
 * What the register connector reports as it works, for metrics and alerts (the server implements it with
 * Micrometer). Called on the polling thread; implementations must be quick and must not throw. Every argument is
 * free of personal data.
 */
public interface RegisterEvents {
    /** No-op events. */
    RegisterEvents NONE = new RegisterEvents() {
    };

    /** A page was stored: {@code mutations} on it, {@code changed} of them changed stored state. */
    default void pageStored(long requestedFrom, int mutations, int changed) {
    }

    /** A page was refused and quarantined. */
    default void pageQuarantined(long requestedFrom, String reason, long sizeBytes) {
    }

    /** A request to the register ended without failure (a page, or nothing new). */
    default void pollSucceeded(Instant at) {
    }

    /** A request failed; {@code decision} says what happens next and {@code wait} how long until a retry. */
    default void failed(PollFailure failure, PollSchedule.Decision decision, Duration wait) {
    }

    /** Polling was resumed by an operator. */
    default void resumed(Instant at) {
    }
}
