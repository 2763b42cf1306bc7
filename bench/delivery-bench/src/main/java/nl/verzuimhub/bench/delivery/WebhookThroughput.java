package nl.verzuimhub.bench.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.verzuimhub.connectors.push.DeliveryResult;
import nl.verzuimhub.connectors.push.PushBatch;
import nl.verzuimhub.connectors.push.PushItem;
import nl.verzuimhub.connectors.push.Signature;
import nl.verzuimhub.connectors.push.WebhookConnector;
import nl.verzuimhub.connectors.push.WebhookSettings;

/**
 * Delivery throughput of the webhook push connector to a local receiver (JDK HttpServer on 127.0.0.1 that reads the
 * body, checks the signature as a real receiver would, and answers 204). Each lane is one recipient: like the
 * dispatcher, it sends one batch at a time and waits for the answer. Not a test; run by hand:
 *
 * <pre>java -cp ... nl.verzuimhub.bench.delivery.WebhookThroughput [batches per lane] [items per batch] [lanes]</pre>
 *
 * Measures the connector alone (signing, HTTP, the receiver), not the outbox's database bookkeeping.
 */
public final class WebhookThroughput {
    private static final String SECRET = "bench-push-secret-000001";

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int lanes = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        AtomicLong badSignatures = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        receiver.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!Signature.verify(SECRET, exchange.getRequestHeaders().getFirst("X-Hub-Timestamp"), body,
                    exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"))) {
                badSignatures.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(Math.max(2, lanes)));
        receiver.start();
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        try {
            System.out.printf("webhook push: %d lane(s) x %d batches x %d items, receiver %s%n", lanes, batches,
                    batchSize, url);
            run(url, Math.max(50, batches / 10), batchSize, lanes); // warm-up
            Result result = run(url, batches, batchSize, lanes);
            long items = (long) batches * batchSize * lanes;
            System.out.printf("body %d bytes/batch; %.0f batches/s, %.0f items/s, %.1f MB/s; latency per batch"
                            + " p50 %.2f ms, p99 %.2f ms; failures %d, bad signatures %d%n",
                    result.bodyBytes, batches * lanes / result.seconds, items / result.seconds,
                    result.bodyBytes * (double) batches * lanes / result.seconds / 1e6, result.p50Millis,
                    result.p99Millis, result.failures, badSignatures.get());
        } finally {
            receiver.stop(0);
            ((ExecutorService) receiver.getExecutor()).shutdownNow();
        }
    }

    private record Result(double seconds, double p50Millis, double p99Millis, long failures, int bodyBytes) {
    }

    private static Result run(URI url, int batches, int batchSize, int lanes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        List<Future<long[]>> futures = new ArrayList<>();
        PushBatch sample = batch(0, batchSize);
        long start = System.nanoTime();
        for (int lane = 0; lane < lanes; lane++) {
            futures.add(pool.submit(() -> {
                WebhookConnector connector = new WebhookConnector(new WebhookSettings(url, SECRET, null,
                        Duration.ofSeconds(5), Duration.ofSeconds(10)), Clock.systemUTC());
                long[] latencies = new long[batches + 1];
                for (int i = 0; i < batches; i++) {
                    PushBatch batch = batch((long) i * batchSize, batchSize);
                    long t = System.nanoTime();
                    DeliveryResult result = connector.deliver(batch);
                    latencies[i] = System.nanoTime() - t;
                    if (!(result instanceof DeliveryResult.Delivered)) {
                        latencies[batches]++;
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        long failures = 0;
        for (Future<long[]> future : futures) {
            long[] latencies = future.get();
            failures += latencies[batches];
            Arrays.stream(latencies, 0, batches).forEach(all::add);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        all.sort(null);
        return new Result(seconds, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6, failures,
                sample.jsonBody().length);
    }

    /** A synthetic batch shaped like an attendance officer's feed page (about 20 fields per item; fake values). */
    private static PushBatch batch(long firstSequence, int size) {
        List<PushItem> items = new ArrayList<>(size);
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < size; i++) {
            long sequence = firstSequence + i + 1;
            String data = "{\"bsn\":\"725763863\",\"birthDate\":\"2011-04-02\",\"municipality\":\"0363\","
                    + "\"postcode\":\"1011AB\",\"brin\":\"00AA\",\"branch\":\"00\",\"sector\":\"VO\","
                    + "\"partnership\":\"VO2701\",\"grade\":2,\"absenceType\":\"V3\",\"periodStart\":\"2024-10-01\","
                    + "\"periodEnd\":\"2024-10-18\",\"hours\":17,\"days\":6,\"allLessonsMissed\":false,"
                    + "\"suspectedReason\":\"synthetic text\",\"schoolAction\":\"synthetic text\","
                    + "\"municipalActionRequested\":true,\"status\":\"OPEN\",\"reportedOn\":\"2024-10-18\","
                    + "\"lastChanged\":\"2024-10-18T10:00:00Z\"}";
            items.add(new PushItem(sequence, "VERZUIMMELDING", "VM-2024-" + sequence, 1, "NIEUW", data));
            body.append(i == 0 ? "" : ",").append("{\"sequence\":").append(sequence)
                    .append(",\"kind\":\"VERZUIMMELDING\",\"id\":\"VM-2024-").append(sequence)
                    .append("\",\"version\":1,\"action\":\"NIEUW\",\"data\":").append(data).append('}');
        }
        body.append("],\"next\":\"").append(firstSequence + size).append("\"}");
        return new PushBatch("bench", UUID.randomUUID().toString(), items, body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
