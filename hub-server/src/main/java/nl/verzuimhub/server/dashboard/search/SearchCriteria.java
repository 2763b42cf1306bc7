package nl.verzuimhub.server.dashboard.search;

import java.time.Instant;

/**
 * A dashboard search; every part optional (null). {@code from} inclusive, {@code to} exclusive.
 *
 * @param subjectHash the keyed hash of the searched BSN, never the BSN itself
 */
public record SearchCriteria(String subjectHash, String recipientId, String purposeId, Instant from, Instant to) {
    public static final SearchCriteria ALL = new SearchCriteria(null, null, null, null, null);

    public static SearchCriteria subject(String subjectHash) {
        return new SearchCriteria(subjectHash, null, null, null, null);
    }

    /** The criteria as an audit reason: the subject only as "hash", no personal data. */
    public String describe() {
        return "subject=" + (subjectHash == null ? "-" : "hash") + " recipient=" + dash(recipientId) + " purpose="
                + dash(purposeId) + " from=" + dash(from) + " to=" + dash(to);
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
