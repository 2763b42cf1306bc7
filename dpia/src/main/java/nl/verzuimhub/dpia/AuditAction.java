package nl.verzuimhub.dpia;

/** What was done with personal data (or refused), as the audit log records it. */
public enum AuditAction {
    /** Data left the hub for a recipient. */
    DISCLOSE,
    /** A request for data was refused. */
    DENY,
    /** A recipient was told to drop a record it received (the source withdrew it). */
    RETRACT,
    /** A privacy officer searched the audit log. */
    SEARCH,
    /** A privacy officer asked why a decision is what it is. */
    EXPLAIN,
    /** Audit data was exported. */
    EXPORT,
    /** Personal fields were erased under the retention rules. */
    ERASE
}
