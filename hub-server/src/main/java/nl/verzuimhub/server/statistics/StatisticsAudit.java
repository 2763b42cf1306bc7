package nl.verzuimhub.server.statistics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.verzuimhub.core.recipient.Purpose;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.server.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Audit entries for statistics and the partnership's page, written through {@link AuditLog#append} and committed
 * before anything is sent; a failure to write throws and nothing is sent.
 *
 * <p>Contract: an aggregate is one {@code DISCLOSE} entry without a subject (record kind {@value #KIND}, record id
 * the table's name, fields the indicators sent, reason what was asked and whether small cells were suppressed); each
 * pupil shown on the partnership's page is one {@code DISCLOSE} entry with the record, the policy decision that
 * permitted it and the subject's keyed hash; a refusal is one {@code DENY} entry. A person's entries start their
 * reason with {@code user=<username>;} and the audit log adds the person as acting user.
 */
@Component
class StatisticsAudit {
    static final String KIND = "STATISTIEK";

    private final AuditLog auditLog;
    private final PolicyEngine engine;
    private final Clock clock;

    StatisticsAudit(AuditLog auditLog, PolicyEngine engine, Clock clock) {
        this.auditLog = auditLog;
        this.engine = engine;
        this.clock = clock;
    }

    /** Who asked: the recipient (a client, or the organisation a logged-in person acts for) and the channel. */
    record Caller(Recipient recipient, String username, AuditChannel channel) {
        String reason(String what) {
            return username == null ? what : "user=" + username + "; " + what;
        }
    }

    /** Aggregates left the hub: one entry per table sent. */
    void disclosed(Caller caller, String purposeId, List<String> tables, List<String> indicators, String what) {
        Instant now = clock.instant();
        Purpose purpose = engine.policySet().purposes().get(purposeId);
        List<AuditEvent> events = new ArrayList<>();
        for (String table : tables) {
            events.add(AuditEvent.builder(now, AuditAction.DISCLOSE, AuditOutcome.SUCCESS).channel(caller.channel())
                    .recipientId(caller.recipient().clientId()).organisation(caller.recipient().organisation().code())
                    .role(caller.recipient().role().name()).purposeId(purposeId)
                    .legalBasis(purpose == null ? null : purpose.legalBasis())
                    .policyVersion(engine.policySet().version()).recordKind(KIND).recordId(table).fields(indicators)
                    .reason(caller.reason(what)).build());
        }
        auditLog.append(events);
    }

    /** Record-level disclosures (the partnership's page), written together. */
    void disclosedRecords(List<AuditEvent> events) {
        auditLog.append(events);
    }

    /** A client's refused request; {@code recipient} is null when the client is unknown to the hub. */
    void refused(Recipient recipient, String clientId, String purposeId, String what) {
        refused(AuditChannel.API, recipient == null ? clientId : recipient.clientId(),
                recipient == null ? null : recipient.organisation().code(),
                recipient == null ? null : recipient.role().name(), purposeId, what);
    }

    /**
     * A person's refused page: recorded under the recipient they act for, or the dashboard client when there is
     * none, with the person's own organisation and role.
     */
    void refused(nl.verzuimhub.server.dashboard.DashboardUser person, Recipient recipient, String purposeId,
                 String what) {
        refused(AuditChannel.DASHBOARD, recipient == null
                        ? nl.verzuimhub.server.dashboard.login.DashboardLoginProperties.CLIENT_ID : recipient.clientId(),
                person.organisation(), person.role(), purposeId, "user=" + person.username() + "; " + what);
    }

    private void refused(AuditChannel channel, String clientId, String organisation, String role, String purposeId,
                         String reason) {
        auditLog.append(List.of(AuditEvent.builder(clock.instant(), AuditAction.DENY, AuditOutcome.DENIED)
                .channel(channel).recipientId(clientId).organisation(organisation).role(role).purposeId(purposeId)
                .reason(reason).build()));
    }

    Instant now() {
        return clock.instant();
    }

    Clock clock() {
        return clock;
    }
}
