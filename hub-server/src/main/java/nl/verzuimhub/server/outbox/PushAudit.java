package nl.verzuimhub.server.outbox;

import java.time.Instant;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;

/**
 * The audit entries of a push delivery (channel PUSH, action DISCLOSE or RETRACT), one per delivery row:
 * <ul>
 *   <li>{@code push queued: delivery <id> via <connector>} (SUCCESS), in the transaction that decided it, before
 *       anything can leave;</li>
 *   <li>{@code push delivered: delivery <id> via <connector>, Idempotency-Key <key>, <detail>} (SUCCESS), once,
 *       when the recipient acknowledged the batch;</li>
 *   <li>{@code push dead-lettered: ...} (FAILED) when the batch was given up on (it may be replayed later).</li>
 * </ul>
 * Reasons hold ids, keys and status codes only, never personal data.
 */
final class PushAudit {
    static final String QUEUED = "push queued: ";
    static final String DELIVERED = "push delivered: ";
    static final String DEAD = "push dead-lettered: ";

    private PushAudit() {
    }

    static AuditEvent queued(Recipient recipient, OutboxDelivery delivery, String connector, Instant now) {
        return event(recipient, delivery, AuditOutcome.SUCCESS, now,
                QUEUED + "delivery " + delivery.id() + " via " + connector);
    }

    static AuditEvent delivered(Recipient recipient, OutboxDelivery delivery, String connector, String key,
                                String detail, Instant now) {
        return event(recipient, delivery, AuditOutcome.SUCCESS, now, DELIVERED + "delivery " + delivery.id() + " via "
                + connector + ", Idempotency-Key " + key + ", " + detail);
    }

    static AuditEvent dead(Recipient recipient, OutboxDelivery delivery, String connector, String key, int attempts,
                           String lastError, Instant now) {
        return event(recipient, delivery, AuditOutcome.FAILED, now, DEAD + "delivery " + delivery.id() + " via "
                + connector + ", Idempotency-Key " + key + ", after " + attempts + " attempts, last: " + lastError);
    }

    private static AuditEvent event(Recipient recipient, OutboxDelivery delivery, AuditOutcome outcome, Instant now,
                                    String reason) {
        return new AuditEvent(now, delivery.retraction() ? AuditAction.RETRACT : AuditAction.DISCLOSE, outcome,
                AuditChannel.PUSH, recipient.clientId(), recipient.organisation().code(), recipient.role().name(),
                delivery.purposeId(), delivery.legalBasis(), delivery.ruleId(), delivery.policyVersion(),
                delivery.decisionId(), delivery.kind(), delivery.recordId(), delivery.version(), delivery.subjectHash(),
                delivery.fields(), reason);
    }
}
