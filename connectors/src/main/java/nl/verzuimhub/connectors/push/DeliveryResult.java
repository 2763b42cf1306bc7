package nl.verzuimhub.connectors.push;

import java.time.Duration;

/** How one delivery attempt ended. */
public sealed interface DeliveryResult {

    /** The recipient has the batch: it acknowledged it now, or said it had already received this key. */
    record Delivered(String detail) implements DeliveryResult {
    }

    /**
     * The recipient does not (yet) have the batch.
     *
     * @param reason     what went wrong, without personal data (status code, exception type)
     * @param retryAfter the earliest retry the recipient asked for ({@code Retry-After}), or null
     */
    record Failed(String reason, Duration retryAfter) implements DeliveryResult {
    }
}
