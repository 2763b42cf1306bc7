package nl.verzuimhub.server.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook receivers (one path per recipient) that behave like real ones with trouble, inside WireMock: each request
 * is answered by chance with 503, a reset connection, a 200 sent only after the hub stopped waiting (the batch was
 * processed all the same), or a plain 200; one recipient is down altogether for its first seconds. A receiver
 * processes the first request of each Idempotency-Key it accepts (2xx) and drops repeats, as the integration guide
 * asks of recipients. Everything it saw is kept in a ledger, in the order it was handled.
 */
final class DedupReceiver implements ResponseDefinitionTransformerV2 {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as the receiver saw it. {@code processed}: accepted and the first of its key (not a repeat). */
    record Seen(String path, String key, List<Map<String, Object>> items, boolean accepted, boolean processed) {
        List<Long> sequences() {
            return items.stream().map(item -> ((Number) item.get("sequence")).longValue()).toList();
        }
    }

    /** Called (on the receiver's thread, before it answers) for each batch it processes. */
    interface ProcessedListener {
        void processed(String path, String key, int batchesProcessedSoFar);
    }

    private final Random random;
    private final String downPath;
    private final Duration downFor;
    private final Duration slowAnswer;
    private final List<Seen> ledger = new ArrayList<>();
    private final Map<String, Set<String>> processedKeys = new HashMap<>();
    private final Map<String, Long> firstRequestAt = new HashMap<>();
    private volatile ProcessedListener listener = (path, key, count) -> { };

    /**
     * @param downPath   the receiver that answers 503 to everything during its first {@code downFor}
     * @param slowAnswer the delay of a late 200 (longer than the hub's read timeout)
     */
    DedupReceiver(long seed, String downPath, Duration downFor, Duration slowAnswer) {
        this.random = new Random(seed);
        this.downPath = downPath;
        this.downFor = downFor;
        this.slowAnswer = slowAnswer;
    }

    void onProcessed(ProcessedListener listener) {
        this.listener = listener;
    }

    @Override
    public String getName() {
        return "dedup-receiver";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String path = event.getRequest().getUrl();
        String key = event.getRequest().getHeader("Idempotency-Key");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) JSON.readValue(
                event.getRequest().getBodyAsString(), Map.class).get("items");
        int processedSoFar;
        ResponseDefinition answer;
        synchronized (this) {
            long now = System.currentTimeMillis();
            long since = now - firstRequestAt.computeIfAbsent(path, p -> now);
            double chance = random.nextDouble();
            boolean down = path.equals(downPath) && since < downFor.toMillis();
            if (down || chance < 0.12) {
                answer = aResponse().withStatus(503).build();
            } else if (chance < 0.17) {
                answer = aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            } else if (chance < 0.22) {
                answer = aResponse().withStatus(200).withFixedDelay((int) slowAnswer.toMillis()).build();
            } else {
                answer = aResponse().withStatus(200).build();
            }
            boolean accepted = answer.getFault() == null && answer.getStatus() == 200;
            boolean processed = accepted && processedKeys.computeIfAbsent(path, p -> new HashSet<>()).add(key);
            ledger.add(new Seen(path, key, items, accepted, processed));
            processedSoFar = processed ? (int) ledger.stream().filter(Seen::processed).count() : -1;
        }
        if (processedSoFar > 0 && answer.getFixedDelayMilliseconds() == null) {
            listener.processed(path, key, processedSoFar);
        }
        return answer;
    }

    /** Every request to {@code path}, in the order the receiver handled them. */
    synchronized List<Seen> seen(String path) {
        return ledger.stream().filter(seen -> seen.path().equals(path)).toList();
    }
}
