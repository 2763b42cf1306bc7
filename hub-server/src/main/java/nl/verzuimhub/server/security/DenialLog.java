package nl.verzuimhub.server.security;

import java.time.Clock;
import java.util.List;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.server.audit.AuditLog;
import org.springframework.stereotype.Component;

/** Records refused requests of known clients in the audit log. */
@Component
public class DenialLog {
    private final AuditLog auditLog;
    private final Clock clock;

    DenialLog(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * @param recipient the caller as the hub knows it, or null when the token's client is unknown to the hub
     * @param reason    what was refused and why; no personal data
     */
    public void deny(String clientId, Recipient recipient, String purposeId, AuditChannel channel, String reason) {
        auditLog.append(List.of(new AuditEvent(clock.instant(), AuditAction.DENY, AuditOutcome.DENIED, channel,
                clientId, recipient == null ? null : recipient.organisation().code(),
                recipient == null ? null : recipient.role().name(), purposeId, null, null, null, null, null, null,
                null, null, null, reason)));
    }
}
