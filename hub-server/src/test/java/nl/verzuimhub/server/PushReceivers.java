package nl.verzuimhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a webhook receiver keeps, read from a WireMock request journal: requests it answered 2xx (a fault is not an
 * answer; a 2xx sent after the hub gave up waiting still counts, as a real receiver would have processed it),
 * grouped by Idempotency-Key and deduplicated as a receiver does (the first request per key is processed, repeats
 * are dropped). The hub's side, its audit entries, is {@link PushAuditItems}.
 */
final class PushReceivers {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PushReceivers() {
    }

    /** Configures {@code client} to be pushed to the webhook at {@code url} (connect timeout 1 s). */
    static void webhook(DynamicPropertyRegistry properties, String client, String url, String secret,
                        String readTimeout) {
        String prefix = "hub.recipients." + client + ".push.";
        properties.add(prefix + "connector", () -> "webhook");
        properties.add(prefix + "url", () -> url);
        properties.add(prefix + "secret", () -> secret);
        properties.add(prefix + "connect-timeout", () -> "1s");
        properties.add(prefix + "read-timeout", () -> readTimeout);
    }

    /** One processed request: its key and items, in the order the receiver processed them. */
    record Processed(String key, List<Map<String, Object>> items, long receivedAt) {
    }

    static List<ServeEvent> requests(WireMockServer receiver, String path) {
        List<ServeEvent> events = new ArrayList<>(receiver.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path)).toList());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        return events;
    }

    static boolean answered2xx(ServeEvent event) {
        return event.getResponseDefinition().getFault() == null && event.getResponse() != null
                && event.getResponse().getStatus() / 100 == 2;
    }

    /** What the receiver processed: the first 2xx-answered request per key, in arrival order. */
    static List<Processed> processed(WireMockServer receiver, String path) {
        Map<String, Processed> byKey = new LinkedHashMap<>();
        Map<String, String> bodies = new HashMap<>();
        for (ServeEvent event : requests(receiver, path)) {
            if (!answered2xx(event)) {
                continue;
            }
            String key = event.getRequest().getHeader("Idempotency-Key");
            String body = event.getRequest().getBodyAsString();
            if (bodies.containsKey(key)) {
                continue; // a repeat: a receiver drops it
            }
            bodies.put(key, body);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) JSON.readValue(body, Map.class).get("items");
            byKey.put(key, new Processed(key, items, event.getRequest().getLoggedDate().getTime()));
        }
        return List.copyOf(byKey.values());
    }

    /**
     * Every request with one key carries the same items (the same sequences, in order) with the same content, except
     * that an item whose record was withdrawn at the source between two attempts comes as a retraction without data
     * (and stays one).
     */
    static void assertSameItemsPerKey(WireMockServer receiver, String path) {
        Map<String, List<Map<String, Object>>> firstOfKey = new HashMap<>();
        for (ServeEvent event : requests(receiver, path)) {
            String key = event.getRequest().getHeader("Idempotency-Key");
            assertThat(key).as("every request has an Idempotency-Key").isNotBlank();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) JSON.readValue(
                    event.getRequest().getBodyAsString(), Map.class).get("items");
            List<Map<String, Object>> previous = firstOfKey.putIfAbsent(key, items);
            if (previous == null) {
                continue;
            }
            assertThat(items).as("retry of " + key).extracting(item -> item.get("sequence"))
                    .isEqualTo(previous.stream().map(item -> item.get("sequence")).toList());
            for (int n = 0; n < items.size(); n++) {
                Map<String, Object> item = items.get(n);
                if (!item.equals(previous.get(n))) {
                    assertThat(item).as("retry of " + key + ": only a withdrawn item changes, into a retraction")
                            .containsEntry("action", "INGETROKKEN").containsEntry("data", Map.of());
                }
            }
            firstOfKey.put(key, items);
        }
    }

    /** Sequence to the key it was processed under; fails when the receiver processed one sequence twice. */
    static Map<Long, String> sequencesByKey(List<Processed> processed) {
        Map<Long, String> keys = new LinkedHashMap<>();
        for (Processed batch : processed) {
            for (Map<String, Object> item : batch.items()) {
                long sequence = ((Number) item.get("sequence")).longValue();
                String earlier = keys.put(sequence, batch.key());
                assertThat(earlier).as("sequence " + sequence + " processed under two keys").isNull();
            }
        }
        return keys;
    }

    /** The delivery ids queued for push to the recipient that were still live when sent (not withdrawn first). */
    static List<Long> queued(JdbcTemplate jdbc, String recipient) {
        return jdbc.queryForList("select delivery_id from outbox_item where recipient_id = ? order by delivery_id",
                Long.class, recipient);
    }

    static boolean drained(JdbcTemplate jdbc, String recipient) {
        return jdbc.queryForObject("""
                select count(*) from outbox_item t left join outbox_batch b on b.id = t.batch_id
                 where t.recipient_id = ? and (b.id is null or b.status <> 'DELIVERED')""", Long.class, recipient) == 0;
    }
}
