package nl.verzuimhub.dpia;

import java.time.Instant;

/**
 * A search of the audit log. Every criterion is optional (null); results come in id order, starting after
 * {@code afterId}, at most {@code limit}.
 *
 * @param subjectHash the keyed hash of a BSN or onderwijsnummer ({@link SubjectHasher})
 * @param from        inclusive
 * @param to          exclusive
 */
public record AuditQuery(String subjectHash, String recipientId, Instant from, Instant to, long afterId, int limit) {
    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
