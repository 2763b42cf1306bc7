package nl.verzuimhub.server.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditItem;
import nl.verzuimhub.dpia.AuditOutcome;

/**
 * The audit entries of one served feed page: one entry (hash format 3) holding every served item, in feed order,
 * each with its delivery id (its sequence), decision, record, action (DISCLOSE, or RETRACT for a withdrawn record),
 * subject hash, rule, policy version and fields. The page-wide parts (recipient, organisation, role, purpose, legal
 * basis, channel FEED, time) are the entry's own. A page whose items name more than one legal basis (a policy change
 * between them) gets one entry per legal basis, so every item keeps the basis it was disclosed under; an empty page
 * gets none (nothing was disclosed). The entry's action is DISCLOSE when any of its items discloses, else RETRACT.
 */
final class FeedAudit {
    private FeedAudit() {
    }

    static List<AuditEvent> pageEntries(Recipient recipient, String purposeId,
                                        List<FeedRepository.StoredDelivery> deliveries, Instant now) {
        Map<String, List<FeedRepository.StoredDelivery>> byBasis = new LinkedHashMap<>();
        for (FeedRepository.StoredDelivery delivery : deliveries) {
            byBasis.computeIfAbsent(delivery.legalBasis(), basis -> new ArrayList<>()).add(delivery);
        }
        List<AuditEvent> entries = new ArrayList<>(byBasis.size());
        byBasis.forEach((legalBasis, group) -> {
            List<AuditItem> items = group.stream().map(FeedAudit::item).toList();
            boolean anyDisclosure = items.stream().anyMatch(item -> item.action() == AuditAction.DISCLOSE);
            entries.add(AuditEvent.builder(now, anyDisclosure ? AuditAction.DISCLOSE : AuditAction.RETRACT,
                            AuditOutcome.SUCCESS).channel(AuditChannel.FEED).recipientId(recipient.clientId())
                    .organisation(recipient.organisation().code()).role(recipient.role().name()).purposeId(purposeId)
                    .legalBasis(legalBasis).items(items).build());
        });
        return entries;
    }

    private static AuditItem item(FeedRepository.StoredDelivery delivery) {
        boolean retraction = delivery.action() == MutationAction.INGETROKKEN;
        return new AuditItem(delivery.id(), delivery.decisionId(), delivery.kind().name(), delivery.recordId(),
                delivery.version(), retraction ? AuditAction.RETRACT : AuditAction.DISCLOSE, delivery.subjectHash(),
                delivery.ruleId(), delivery.policyVersion(), delivery.fields());
    }
}
