package nl.verzuimhub.dpia;

/**
 * Ids of the hub's processing activities (verwerkingsactiviteiten, AVG art. 30), as the audit log records them. An
 * entry without one gets {@link #of(AuditAction, String)}.
 */
public final class ProcessingActivity {
    /** Prefix of the activity "providing data to a recipient for purpose P": {@code verstrekking/P}. */
    public static final String DISCLOSURE_PREFIX = "verstrekking/";
    /** The privacy officer's oversight of the log: searches, explanations, exports. */
    public static final String OVERSIGHT = "toezicht/auditlog";
    /** Erasing personal fields whose retention ended. */
    public static final String RETENTION = "bewaartermijn/vernietiging";

    private ProcessingActivity() {
    }

    /** The activity an entry belongs to, from its action and purpose. */
    public static String of(AuditAction action, String purposeId) {
        switch (action) {
            case SEARCH:
            case EXPLAIN:
            case EXPORT:
                return OVERSIGHT;
            case ERASE:
                return RETENTION;
            default:
                return DISCLOSURE_PREFIX + (purposeId == null ? "onbekend" : purposeId);
        }
    }
}
