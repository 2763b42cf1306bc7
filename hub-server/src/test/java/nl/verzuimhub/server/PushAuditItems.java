package nl.verzuimhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The push audit evidence of one recipient, read from {@code audit_entry}: push entries record their deliveries as
 * items (hash format 3), so what was queued, delivered or dead-lettered is the delivery ids of the items of the
 * entries with that reason. Each reader also checks the entries' shape: channel PUSH, format 3, no per-record parts
 * of their own, a reason that counts the entry's items.
 */
public final class PushAuditItems {
    private static final Pattern QUEUED = Pattern.compile("push queued via (\\w+): (\\d+) items?");
    private static final Pattern DELIVERED = Pattern.compile(
            "push delivered via (\\w+): batch (\\d+), (\\d+) items?, Idempotency-Key ([0-9a-f-]+), .+");
    private static final Pattern DEAD = Pattern.compile(
            "push dead-lettered via (\\w+): batch (\\d+), (\\d+) items?, Idempotency-Key ([0-9a-f-]+), after \\d+"
                    + " attempts, last: .+");

    private PushAuditItems() {
    }

    /** One push entry's item: the entry's id and reason, the item's delivery id. */
    public record Item(long entryId, String reason, long deliveryId) {
    }

    /** The delivery ids of the items of the recipient's "push queued" entries, in log and item order, repeats kept. */
    public static List<Long> queued(JdbcTemplate jdbc, String recipient) {
        return items(jdbc, recipient, "push queued", "SUCCESS", QUEUED, 2).stream().map(Item::deliveryId).toList();
    }

    /**
     * Delivery id to the Idempotency-Key its "push delivered" entry names; fails when a delivery is an item of two
     * such entries (delivered twice).
     */
    public static Map<Long, String> delivered(JdbcTemplate jdbc, String recipient) {
        return keys(items(jdbc, recipient, "push delivered", "SUCCESS", DELIVERED, 3), DELIVERED, "delivered");
    }

    /** The items of the recipient's "push dead-lettered" entries, in log and item order (a batch dead twice: twice). */
    public static List<Item> deadLettered(JdbcTemplate jdbc, String recipient) {
        return items(jdbc, recipient, "push dead-lettered", "FAILED", DEAD, 3);
    }

    private static Map<Long, String> keys(List<Item> items, Pattern reason, String what) {
        Map<Long, String> keys = new LinkedHashMap<>();
        for (Item item : items) {
            Matcher matcher = reason.matcher(item.reason());
            assertThat(matcher.matches()).isTrue();
            String earlier = keys.put(item.deliveryId(), matcher.group(4));
            assertThat(earlier).as("delivery " + item.deliveryId() + " audited as " + what + " twice").isNull();
        }
        return keys;
    }

    /**
     * The items of the recipient's push entries whose reason starts with {@code prefix}, in log and item order,
     * checking each entry's shape and that its reason's item count (group {@code countGroup}) is its items' count.
     */
    private static List<Item> items(JdbcTemplate jdbc, String recipient, String prefix, String outcome,
                                    Pattern reason, int countGroup) {
        List<Item> items = new ArrayList<>();
        jdbc.query("select id, reason, hash_format, channel, outcome, subject_hash, record_id, item_delivery_ids,"
                        + " cardinality(item_subjects) as subjects from audit_entry where recipient_id = ?"
                        + " and reason like ? order by id", (java.sql.ResultSet row) -> {
                    String text = row.getString("reason");
                    Matcher matcher = reason.matcher(text);
                    assertThat(matcher.matches()).as(text).isTrue();
                    assertThat(row.getInt("hash_format")).as(text).isEqualTo(3);
                    assertThat(row.getString("channel")).as(text).isEqualTo("PUSH");
                    assertThat(row.getString("outcome")).as(text).isEqualTo(outcome);
                    assertThat(row.getString("subject_hash")).as(text).isNull();
                    assertThat(row.getString("record_id")).as(text).isNull();
                    Long[] ids = (Long[]) row.getArray("item_delivery_ids").getArray();
                    assertThat(ids).as(text).isNotEmpty().hasSize(Integer.parseInt(matcher.group(countGroup)))
                            .hasSize(row.getInt("subjects"));
                    for (Long id : ids) {
                        items.add(new Item(row.getLong("id"), text, id));
                    }
                }, recipient, prefix + " %");
        return items;
    }
}
