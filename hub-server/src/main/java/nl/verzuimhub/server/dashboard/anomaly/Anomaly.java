package nl.verzuimhub.server.dashboard.anomaly;

/**
 * Something the privacy officer should look at.
 *
 * @param who      a recipient id, or for {@link Kind#SUBJECT_SPREAD} the first 12 characters of a subject hash
 * @param when     the local day or hour it concerns
 * @param observed the number seen
 * @param limit    the number it exceeded (a threshold, or factor x baseline)
 */
public record Anomaly(Kind kind, String who, String when, long observed, double limit, String explanation) {
    public enum Kind { VOLUME_SPIKE, DENIAL_SPIKE, SUBJECT_SPREAD, OUTSIDE_OFFICE_HOURS, BULK_RETRIEVAL, BULK_EXPORTS }
}
