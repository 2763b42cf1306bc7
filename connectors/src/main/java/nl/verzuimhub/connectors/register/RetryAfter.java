package nl.verzuimhub.connectors.register;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The HTTP {@code Retry-After} header (RFC 9110, 10.2.3): either a number of seconds or an HTTP-date.
 *
 * <p>Contract: {@link #parse} returns the wait from {@code now}; a date in the past gives zero; a value that is
 * neither (or negative) gives empty, and the caller falls back to its back-off. A wait longer than {@link #MAX_WAIT}
 * is capped, so a broken header can never park the connector for days. Pure and thread-safe.
 */
public final class RetryAfter {
    /** The longest wait honoured; a longer Retry-After is capped at this. */
    public static final Duration MAX_WAIT = Duration.ofHours(1);

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            if (value.length() > 9) {
                return Optional.of(MAX_WAIT);
            }
            return Optional.of(cap(Duration.ofSeconds(Long.parseLong(value))));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : cap(wait));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
