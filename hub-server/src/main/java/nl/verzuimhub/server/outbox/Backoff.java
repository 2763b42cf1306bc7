package nl.verzuimhub.server.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: after attempt n the wait is a random point in [d/2, d] where
 * d = min(max, initial * 2^(n-1)); a recipient's Retry-After is honoured when it asks for longer (up to max).
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    Duration after(int attempts, Duration retryAfter) {
        long ceiling = initial.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
        long capped = Math.min(ceiling < 0 ? Long.MAX_VALUE : ceiling, max.toMillis());
        long jittered = capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2));
        if (retryAfter != null) {
            jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), max.toMillis()));
        }
        return Duration.ofMillis(jittered);
    }
}
