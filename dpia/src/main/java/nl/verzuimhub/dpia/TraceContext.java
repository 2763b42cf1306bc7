package nl.verzuimhub.dpia;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context position (https://www.w3.org/TR/trace-context/): the trace a request belongs to and the span
 * the hub works in. Parsing follows the specification's version-00 rules: an invalid {@code traceparent} is ignored
 * (a new trace starts), never an error.
 *
 * @param traceId      32 lowercase hex, not all zero
 * @param spanId       16 lowercase hex, not all zero: this hub's span
 * @param parentSpanId the caller's span id, or null when this hub started the trace
 * @param sampled      the caller's sampled flag (the audit log records every entry regardless: no sampling)
 */
public record TraceContext(String traceId, String spanId, String parentSpanId, boolean sampled) {
    private static final Pattern TRACEPARENT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    public TraceContext {
        if (!isHex(traceId, 32) || !isHex(spanId, 16) || (parentSpanId != null && !isHex(parentSpanId, 16))) {
            throw new IllegalArgumentException("trace id must be 32 and span ids 16 lowercase hex digits, not all zero");
        }
    }

    /** A new trace started by the hub (a poll, a scheduled job, a request without a usable traceparent). */
    public static TraceContext newTrace() {
        return new TraceContext(randomHex(16), randomHex(8), null, true);
    }

    /**
     * The hub's span inside the caller's trace, when {@code traceparent} is a valid header; empty otherwise. Version
     * ff is invalid; an unknown higher version is read by its version-00 prefix, as the specification asks.
     */
    public static Optional<TraceContext> fromTraceparent(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var match = TRACEPARENT.matcher(traceparent.trim());
        if (!match.matches()) {
            return Optional.empty();
        }
        String version = match.group(1);
        if (version.equals("ff") || (version.equals("00") && match.group(5) != null)) {
            return Optional.empty();
        }
        String traceId = match.group(2);
        String parent = match.group(3);
        if (isZero(traceId) || isZero(parent)) {
            return Optional.empty();
        }
        boolean sampled = (HEX.fromHexDigits(match.group(4)) & 1) == 1;
        return Optional.of(new TraceContext(traceId, randomHex(8), parent, sampled));
    }

    /** The header that tells the caller (or the next hop) where this hub's span sits. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + (sampled ? "01" : "00");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            RANDOM.nextBytes(random);
        } while (isZero(HEX.formatHex(random)));
        return HEX.formatHex(random);
    }

    private static boolean isHex(String value, int length) {
        return value != null && value.length() == length && value.chars().allMatch(
                c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) && !isZero(value);
    }

    private static boolean isZero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }
}
