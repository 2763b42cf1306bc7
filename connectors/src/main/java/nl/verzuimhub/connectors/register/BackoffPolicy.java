package nl.verzuimhub.connectors.register;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter for a register that fails temporarily (5xx, timeouts, resets).
 *
 * <p>Contract: the wait before retry {@code n} (n = 1 after the first failure) is drawn uniformly from
 * {@code [d/2, d]} where {@code d = min(maxDelay, initialDelay * multiplier^(n-1))} ("equal jitter": never zero, so
 * failing clients never retry in lock-step and never hammer). At most {@code maxAttemptsPerPoll} requests are made
 * for one poll; after that the connector waits for the next poll. Pure: the random source is injected (values in
 * {@code [0, 1)}), so tests choose the jitter. Thread-safe when the random source is.
 *
 * @param initialDelay       the base wait after the first failure, more than zero
 * @param multiplier         growth per further failure, at least 1
 * @param maxDelay           the cap of the base wait, at least {@code initialDelay}
 * @param maxAttemptsPerPoll requests per poll including the first, at least 1
 * @param random             jitter source returning values in {@code [0, 1)}
 */
public record BackoffPolicy(Duration initialDelay, double multiplier, Duration maxDelay, int maxAttemptsPerPoll,
                            DoubleSupplier random) {
    /** 1 s, doubling, at most 60 s, 5 requests per poll. */
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);
    public static final double DEFAULT_MULTIPLIER = 2.0;
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public BackoffPolicy {
        Objects.requireNonNull(initialDelay, "register back-off initial delay is not set");
        Objects.requireNonNull(maxDelay, "register back-off max delay is not set");
        Objects.requireNonNull(random, "random");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("register back-off initial delay must be more than zero, got " + initialDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("register back-off multiplier must be at least 1, got " + multiplier);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("register back-off max delay must be at least the initial delay, got "
                    + maxDelay + " < " + initialDelay);
        }
        if (maxAttemptsPerPoll < 1) {
            throw new IllegalArgumentException("register max attempts per poll must be at least 1, got " + maxAttemptsPerPoll);
        }
    }

    /** The defaults, with {@link Math#random()} as jitter. */
    public static BackoffPolicy defaults() {
        return new BackoffPolicy(DEFAULT_INITIAL_DELAY, DEFAULT_MULTIPLIER, DEFAULT_MAX_DELAY, DEFAULT_MAX_ATTEMPTS,
                Math::random);
    }

    /** The base wait (before jitter) after {@code failures} consecutive failures, 1 or more. */
    public Duration baseDelay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        double millis = initialDelay.toMillis() * Math.pow(multiplier, failures - 1);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }

    /** The jittered wait after {@code failures} consecutive failures: uniform in {@code [base/2, base]}. */
    public Duration delayAfter(int failures) {
        long base = baseDelay(failures).toMillis();
        double r = random.getAsDouble();
        if (!(r >= 0.0 && r < 1.0)) {
            throw new IllegalStateException("the jitter source must return values in [0, 1), got " + r);
        }
        long half = base / 2;
        long jitter = (long) (r * (base - half + 1));
        return Duration.ofMillis(Math.max(1, Math.min(base, half + jitter)));
    }

    /** True when another request may be made in this poll after {@code attemptsMade} requests. */
    public boolean mayRetry(int attemptsMade) {
        return attemptsMade < maxAttemptsPerPoll;
    }
}
