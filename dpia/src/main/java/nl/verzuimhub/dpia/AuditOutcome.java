package nl.verzuimhub.dpia;

/** How the audited action ended. */
public enum AuditOutcome { SUCCESS, DENIED, FAILED }
