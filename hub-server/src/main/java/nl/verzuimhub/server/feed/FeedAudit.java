package nl.verzuimhub.server.feed;

import java.time.Instant;
import java.util.List;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.server.audit.DeliveryEntries;

/**
 * The audit entries of one served feed page: one entry (hash format 3) holding every served item, in feed order,
 * each with its delivery id (its sequence), decision, record, action (DISCLOSE, or RETRACT for a withdrawn record),
 * subject hash, rule, policy version and fields. The page-wide parts (recipient, organisation, role, purpose, legal
 * basis, channel FEED, time) are the entry's own. A page whose items name more than one legal basis (a policy change
 * between them) gets one entry per legal basis, so every item keeps the basis it was disclosed under; an empty page
 * gets none (nothing was disclosed). The entry's action is DISCLOSE when any of its items discloses, else RETRACT.
 * Grouping and items: {@link DeliveryEntries}, shared with push.
 */
final class FeedAudit {
    private FeedAudit() {
    }

    static List<AuditEvent> pageEntries(Recipient recipient, String purposeId,
                                        List<FeedRepository.StoredDelivery> deliveries, Instant now) {
        List<DeliveryEntries.Delivery> items = deliveries.stream().map(delivery -> new DeliveryEntries.Delivery(
                new DeliveryEntries.Key(recipient.clientId(), purposeId, delivery.legalBasis()),
                DeliveryEntries.item(delivery.id(), delivery.decisionId(), delivery.kind().name(), delivery.recordId(),
                        delivery.version(), delivery.action(), delivery.subjectHash(), delivery.ruleId(),
                        delivery.policyVersion(), delivery.fields()))).toList();
        return DeliveryEntries.entries(items, now, AuditOutcome.SUCCESS, (key, group, entry) -> entry
                .channel(AuditChannel.FEED).organisation(recipient.organisation().code())
                .role(recipient.role().name()));
    }
}
