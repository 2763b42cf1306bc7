package nl.verzuimhub.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The recipients' webhook endpoints ({@code POST /push/<client-id>}) on 127.0.0.1, as a careful receiver: checks the
 * signature ({@code X-Hub-Signature-256} over {@code <timestamp>.<body>} with the shared push secret), remembers the
 * Idempotency-Key, reads each item's sequence, kind, id and version and records it with its arrival for
 * {@link PushLatency}, then answers 204.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final Pattern ITEM = Pattern.compile(
            "\"sequence\":(\\d+),\"kind\":\"([A-Z_]+)\",\"id\":\"([^\"]+)\",\"version\":(\\d+)");

    private final RegisterServer register;
    private final byte[] secret;
    private final HttpServer server;
    private final PushLatency latency = new PushLatency();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong lastReceived = new AtomicLong();

    WebhookReceiver(RegisterServer register, String secret) throws IOException {
        this.register = register;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/push/", this::receive);
        server.setExecutor(DaemonPool.of(4, "webhook"));
        server.start();
    }

    String url(String clientId) {
        return "http://localhost:" + server.getAddress().getPort() + "/push/" + clientId;
    }

    /** The received items' latencies; call once every item has arrived. */
    PushLatency.Summary latencies() {
        return latency.summary(register.pageServedNanos());
    }

    long items() {
        return items.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    long lastReceivedNanos() {
        return lastReceived.get();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            String timestamp = exchange.getRequestHeaders().getFirst("X-Hub-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature-256");
            if (timestamp == null || signature == null || !signature.equals("sha256=" + sign(timestamp, body))) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (!keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"))) {
                duplicates.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            Matcher item = ITEM.matcher(new String(body, StandardCharsets.UTF_8));
            while (item.find()) {
                items.incrementAndGet();
                Integer page = register.servedIn(item.group(2), item.group(3), Integer.parseInt(item.group(4)));
                if (page != null) {
                    latency.add(Long.parseLong(item.group(1)), page, now);
                }
            }
            lastReceived.set(now);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
