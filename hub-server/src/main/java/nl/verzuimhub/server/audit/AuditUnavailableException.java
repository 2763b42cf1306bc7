package nl.verzuimhub.server.audit;

/** The audit log could not be written or read. Nothing may be disclosed when this is thrown. */
public class AuditUnavailableException extends RuntimeException {
    AuditUnavailableException(Throwable cause) {
        super("the audit log is unavailable", cause);
    }
}
