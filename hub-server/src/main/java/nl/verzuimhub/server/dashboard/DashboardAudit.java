package nl.verzuimhub.server.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.server.dashboard.login.DashboardLoginProperties;
import org.springframework.stereotype.Component;

/**
 * Writes the privacy officer's own actions to the audit log (channel DASHBOARD, purpose toezicht), committed before
 * any result is shown or exported.
 *
 * <p>Contract: the entry's {@code recipientId} is the dashboard client, {@code role} and {@code organisation} are the
 * person's, and {@code reason} starts with {@code user=<username>;} followed by the criteria, never a BSN: a searched
 * subject appears only as its keyed hash, in {@code subjectHash}. The audit log completes the entry centrally with
 * the trace, the processing activity and {@code actingUser} (the logged-in person's username).
 */
@Component
public class DashboardAudit {
    private final AuditLog auditLog;
    private final Clock clock;

    DashboardAudit(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A search or a view of entries (the per-subject view, a report on screen). */
    public void searched(String subjectHash, String criteria) {
        append(AuditAction.SEARCH, AuditOutcome.SUCCESS, subjectHash, criteria);
    }

    /** Entries or a report left the hub as a file (CSV, JSON, PDF). */
    public void exported(String subjectHash, String what) {
        append(AuditAction.EXPORT, AuditOutcome.SUCCESS, subjectHash, what);
    }

    /** A person without the privacy-officer role tried a dashboard page. */
    public void refused(String what) {
        append(AuditAction.DENY, AuditOutcome.DENIED, null, what + " refused: the dashboard is for privacy officers");
    }

    /** A person failed to log in {@code failures} times in a row and is locked out (no one is logged in yet). */
    public void loginLocked(String username, String organisation, String role, int failures, Duration lockout) {
        append(AuditAction.DENY, AuditOutcome.DENIED, null, username, organisation, role,
                "login locked for " + lockout + " after " + failures + " failed attempts");
    }

    private void append(AuditAction action, AuditOutcome outcome, String subjectHash, String what) {
        DashboardUser user = DashboardUser.current();
        append(action, outcome, subjectHash, user.username(), user.organisation(), user.role(), what);
    }

    private void append(AuditAction action, AuditOutcome outcome, String subjectHash, String username,
                        String organisation, String role, String what) {
        auditLog.append(List.of(new AuditEvent(clock.instant(), action, outcome, AuditChannel.DASHBOARD,
                DashboardLoginProperties.CLIENT_ID, organisation, role, DefaultPolicySet.TOEZICHT.id(),
                DefaultPolicySet.TOEZICHT.legalBasis(), null, null, null, null, null, null, subjectHash, null,
                "user=" + username + "; " + what)));
    }
}
