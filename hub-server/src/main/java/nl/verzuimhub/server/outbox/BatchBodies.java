package nl.verzuimhub.server.outbox;

import java.util.List;
import nl.verzuimhub.connectors.push.PushBatch;
import nl.verzuimhub.connectors.push.PushItem;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.server.feed.FeedItem;
import nl.verzuimhub.server.feed.FeedPage;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a batch's deliveries into what a connector sends: the same items, serialised exactly as the pull feed
 * serialises a page ({@link FeedPage} of {@link FeedItem}s, by the application's ObjectMapper), so a recipient can
 * parse pushed and pulled items with one parser.
 */
final class BatchBodies {
    private BatchBodies() {
    }

    static PushBatch of(OutboxBatch batch, List<OutboxDelivery> deliveries, ObjectMapper json) {
        List<FeedItem> items = deliveries.stream().map(d -> new FeedItem(d.id(), RecordKind.valueOf(d.kind()),
                d.recordId(), d.version(), d.action(), d.data())).toList();
        byte[] body = json.writeValueAsBytes(new FeedPage(items, Long.toString(items.get(items.size() - 1).sequence())));
        List<PushItem> pushItems = deliveries.stream().map(d -> new PushItem(d.id(), d.kind(), d.recordId(),
                d.version(), d.action().name(), d.data().text())).toList();
        return new PushBatch(batch.recipientId(), batch.idempotencyKey(), pushItems, body);
    }
}
