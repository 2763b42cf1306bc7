package nl.verzuimhub.connectors.push;

import java.util.List;
import java.util.Objects;

/**
 * What one delivery attempt sends: a recipient's next items, in feed order, under one idempotency key.
 *
 * <p>Contract: the same key always carries the same items (the outbox fixes a batch's content when it first forms
 * it), so a receiver that has processed a key may drop every later request with that key.
 *
 * @param jsonBody the items as the pull feed serialises a page ({@code {"items":[...],"next":"<last sequence>"}}),
 *                 UTF-8; the webhook sends exactly these bytes
 */
public record PushBatch(String recipientId, String idempotencyKey, List<PushItem> items, byte[] jsonBody) {
    public PushBatch {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(jsonBody, "jsonBody");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one item");
        }
    }
}
