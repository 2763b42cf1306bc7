package nl.verzuimhub.server.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.server.audit.AuditGroupCommit;
import org.springframework.stereotype.Service;

/**
 * Serves a recipient's feed. Contract: every item returned is recorded in the audit log (a disclosure, or a
 * retraction for a withdrawn record) in an entry that is committed before this method returns, so before the
 * response leaves the hub; if the audit log cannot be written, nothing is returned. A page is <b>one</b> entry with
 * its items ({@link FeedAudit}), not one entry per item. The entries of pages served at the same moment are committed
 * together ({@link AuditGroupCommit}), so concurrent readers share one commit instead of queueing for one each.
 */
@Service
class FeedService {
    private final FeedRepository feed;
    private final AuditGroupCommit audit;
    private final Clock clock;

    FeedService(FeedRepository feed, AuditGroupCommit audit, Clock clock) {
        this.feed = feed;
        this.audit = audit;
        this.clock = clock;
    }

    public FeedPage read(Recipient recipient, String purposeId, long after, int limit) {
        List<FeedRepository.StoredDelivery> deliveries = feed.after(recipient.clientId(), purposeId, after, limit);
        Instant now = clock.instant();
        audit.append(FeedAudit.pageEntries(recipient, purposeId, deliveries, now));
        List<FeedItem> items = deliveries.stream().map(delivery -> new FeedItem(delivery.id(), delivery.kind(),
                delivery.recordId(), delivery.version(), delivery.action(), delivery.data())).toList();
        String next = items.isEmpty() ? Long.toString(after) : Long.toString(items.get(items.size() - 1).sequence());
        return new FeedPage(items, next);
    }
}
