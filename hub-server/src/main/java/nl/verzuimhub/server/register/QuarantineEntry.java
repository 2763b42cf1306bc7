package nl.verzuimhub.server.register;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One quarantined register page as the operator API shows it. Never the page itself: it holds personal data; the
 * reason names the volgnummer, element path and rule, which is what an operator needs to have the register fix it.
 *
 * @param id            the quarantine id
 * @param requestedFrom the {@code vanaf} the page answered (its position in the feed; the cursor stays there)
 * @param receivedAt    when the page was first refused
 * @param lastSeenAt    when it was last refused
 * @param reason        why it was refused, free of personal data
 * @param sizeBytes     its size; for a page over the size limit, at least this many bytes
 * @param attempts      how many times this page was fetched and refused
 * @param status        OPEN, or RESOLVED once a page at this position (or later) passed
 * @param resolvedAt    when it was resolved; null while open
 * @param bodyKept      false when the page was over the size limit and not kept
 * @param sha256        SHA-256 of the kept body (of nothing when not kept), to compare with the register's copy
 */
@Schema(description = "A quarantined register page (never its content)")
public record QuarantineEntry(long id, long requestedFrom, Instant receivedAt, Instant lastSeenAt, String reason,
                              long sizeBytes, int attempts, String status, Instant resolvedAt, boolean bodyKept,
                              String sha256) {
    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    /** The list view: what an operator scans for. */
    public Summary summary() {
        return new Summary(id, requestedFrom, receivedAt, reason, sizeBytes, attempts, status);
    }

    @Schema(description = "A quarantined register page in the list")
    public record Summary(long id, long requestedFrom, Instant receivedAt, String reason, long sizeBytes, int attempts,
                          String status) {
    }
}
