package nl.verzuimhub.server.outbox;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.server.audit.DeliveryEntries;

/**
 * The audit entries of push deliveries (channel PUSH): like a served feed page, one entry (hash format 3) per group
 * of delivery rows, holding each row as an item (delivery id, decision, record, DISCLOSE or RETRACT, subject hash,
 * rule, policy version, fields), grouped by recipient, purpose and legal basis ({@link DeliveryEntries}):
 * <ul>
 *   <li>{@code push queued via <connector>: <n> items} (SUCCESS): the rows one transaction queued, written in that
 *       transaction before it commits, so before anything can leave; items in queue (delivery id) order;</li>
 *   <li>{@code push delivered via <connector>: batch <id>, <n> items, Idempotency-Key <key>, <detail>} (SUCCESS),
 *       once, when the recipient acknowledged the batch; items as sent (a row withdrawn since it was queued went,
 *       and is recorded, as a RETRACT);</li>
 *   <li>{@code push dead-lettered via <connector>: batch <id>, <n> items, Idempotency-Key <key>, after <a> attempts,
 *       last: <error>} (FAILED) when the batch was given up on (it may be replayed later).</li>
 * </ul>
 * So every pushed delivery is an item of exactly one "queued" entry and, once acknowledged, of exactly one
 * "delivered" entry. The entry's action is DISCLOSE when any of its items discloses, else RETRACT. Reasons hold ids,
 * counts, keys and status codes only, never personal data.
 */
public final class PushAudit {
    /** How every "queued" entry's reason begins (the dashboard's counts leave these entries out). */
    public static final String QUEUED = "push queued";
    static final String DELIVERED = "push delivered";
    static final String DEAD = "push dead-lettered";

    private PushAudit() {
    }

    /**
     * Whether an audit entry (or one of its items) records data that reached its recipient: false for a push entry
     * that is "queued" (decided, written before anything left) or dead-lettered (FAILED: nothing was acknowledged),
     * true for every other entry. So a pushed delivery counts once, when "delivered". The dashboard's counts apply the
     * same rule in SQL ({@code AuditReadRepository}); the subject-access report applies it here.
     */
    public static boolean reachedRecipient(String channel, String outcome, String reason) {
        boolean push = AuditChannel.PUSH.name().equals(channel);
        return !(push && (reason != null && reason.startsWith(QUEUED) || AuditOutcome.FAILED.name().equals(outcome)));
    }

    /**
     * The "queued" entries of the rows one transaction queued (any recipients), in delivery id order.
     *
     * @param recipients the recipient of a client id
     * @param connectors the push connector id of a client id
     */
    static List<AuditEvent> queued(List<OutboxDelivery> rows, Function<String, Recipient> recipients,
                                   Function<String, String> connectors, Instant now) {
        return DeliveryEntries.entries(items(rows), now, AuditOutcome.SUCCESS, (key, items, entry) ->
                push(entry, recipients.apply(key.recipientId())).reason(QUEUED + " via "
                        + connectors.apply(key.recipientId()) + ": " + count(items.size())));
    }

    /** The "delivered" entries of an acknowledged batch: its deliveries as sent ({@code live}). */
    static List<AuditEvent> delivered(Recipient recipient, OutboxBatch batch, List<OutboxDelivery> live,
                                      String connector, String detail, Instant now) {
        return DeliveryEntries.entries(items(live), now, AuditOutcome.SUCCESS, (key, items, entry) ->
                push(entry, recipient).reason(DELIVERED + " via " + connector + ": batch " + batch.id() + ", "
                        + count(items.size()) + ", Idempotency-Key " + batch.idempotencyKey() + ", " + detail));
    }

    /** The "dead-lettered" entries of a batch given up on after {@code attempts} attempts. */
    static List<AuditEvent> dead(Recipient recipient, OutboxBatch batch, List<OutboxDelivery> live, String connector,
                                 int attempts, String lastError, Instant now) {
        return DeliveryEntries.entries(items(live), now, AuditOutcome.FAILED, (key, items, entry) ->
                push(entry, recipient).reason(DEAD + " via " + connector + ": batch " + batch.id() + ", "
                        + count(items.size()) + ", Idempotency-Key " + batch.idempotencyKey() + ", after " + attempts
                        + " attempts, last: " + lastError));
    }

    private static AuditEvent.Builder push(AuditEvent.Builder entry, Recipient recipient) {
        return entry.channel(AuditChannel.PUSH).organisation(recipient.organisation().code())
                .role(recipient.role().name());
    }

    private static String count(int items) {
        return items == 1 ? "1 item" : items + " items";
    }

    private static List<DeliveryEntries.Delivery> items(List<OutboxDelivery> deliveries) {
        return deliveries.stream().map(d -> new DeliveryEntries.Delivery(
                new DeliveryEntries.Key(d.recipientId(), d.purposeId(), d.legalBasis()),
                DeliveryEntries.item(d.id(), d.decisionId(), d.kind(), d.recordId(), d.version(), d.action(),
                        d.subjectHash(), d.ruleId(), d.policyVersion(), d.fields()))).toList();
    }
}
