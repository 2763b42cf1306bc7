package nl.verzuimhub.server.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The push dispatcher's settings ({@code hub.outbox.*}).
 *
 * @param enabled        false: tasks are still queued (and audited) but this instance delivers nothing
 * @param pollInterval   how often each lane looks for due work
 * @param maxAttempts    attempts of one batch before it becomes a dead letter
 * @param initialBackoff wait after the first failed attempt; doubles per attempt, with jitter
 * @param maxBackoff     longest wait between attempts (also caps a recipient's Retry-After)
 * @param lease          how long a dispatcher owns a lane without renewing; must exceed the longest attempt
 * @param batchSize      most items in one batch
 */
@ConfigurationProperties("hub.outbox")
public record OutboxProperties(Boolean enabled, Duration pollInterval, Integer maxAttempts, Duration initialBackoff,
                               Duration maxBackoff, Duration lease, Integer batchSize) {
    public OutboxProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        batchSize = batchSize == null ? 500 : batchSize;
        if (maxAttempts < 1 || batchSize < 1 || pollInterval.isZero() || pollInterval.isNegative()
                || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || lease.isZero()
                || lease.isNegative()) {
            throw new IllegalStateException("Invalid hub.outbox settings: max-attempts and batch-size must be at"
                    + " least 1, poll-interval and lease positive, max-backoff at least initial-backoff");
        }
    }
}
