package nl.verzuimhub.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.simulator.RegisterSimulator;

/**
 * The national register as the hub sees it: {@code GET /v1/mutaties?vanaf=&max=} answered by the simulator's
 * {@link RegisterSimulator#page} over a JDK HttpServer on 127.0.0.1. Records when each mutation was first served
 * (the page's index, and the page's nanoTime), keyed by kind, id and version, so a pushed item's latency can be
 * measured from the page that carried it or from a later one ({@link PushLatency}).
 */
final class RegisterServer implements AutoCloseable {
    private final RegisterSimulator simulator;
    private final List<Mutation> mutations;
    private final long[] sequences;
    private final Map<String, Integer> servedIn = new ConcurrentHashMap<>();
    private final List<Long> pageServedNanos = new ArrayList<>(); // guarded by itself
    private final AtomicLong firstServed = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private volatile boolean closed;
    private final HttpServer server;

    RegisterServer(List<Mutation> mutations) throws IOException {
        this.simulator = new RegisterSimulator(mutations, Clock.systemUTC());
        this.mutations = mutations;
        this.sequences = mutations.stream().mapToLong(Mutation::sequence).toArray();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/mutaties", this::serve);
        server.setExecutor(DaemonPool.of(2, "register"));
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** nanoTime of the first page served; 0 before. */
    long firstServedNanos() {
        return firstServed.get();
    }

    /**
     * From now on the register answers 503 with {@code Retry-After: 600} (the hub backs off and ingests nothing more),
     * so that what is measured after a time-limited ingest is not disturbed by more ingest.
     */
    void stopServing() {
        closed = true;
    }

    long pagesServed() {
        return pages.get();
    }

    /** The index of the page that first served the mutation with this kind, id and version, or null. */
    Integer servedIn(String kind, String id, int version) {
        return servedIn.get(key(kind, id, version));
    }

    /** nanoTime when each page was served, by page index. */
    long[] pageServedNanos() {
        synchronized (pageServedNanos) {
            return pageServedNanos.stream().mapToLong(Long::longValue).toArray();
        }
    }

    static String key(String kind, String id, int version) {
        return kind + '|' + id + '|' + version;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (closed) {
                exchange.getResponseHeaders().set("Retry-After", "600");
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            long vanaf = Long.parseLong(query.getOrDefault("vanaf", "0"));
            int max = Integer.parseInt(query.getOrDefault("max", "500"));
            long now = System.nanoTime();
            firstServed.compareAndSet(0, now);
            byte[] body = simulator.page(vanaf, max);
            int found = java.util.Arrays.binarySearch(sequences, vanaf);
            int from = found >= 0 ? found : -found - 1;
            int page;
            synchronized (pageServedNanos) { // the hub asks one page at a time; this keeps indexes and times aligned
                page = pageServedNanos.size();
                pageServedNanos.add(now);
            }
            for (int i = from; i < Math.min(from + max, mutations.size()); i++) {
                var record = mutations.get(i).record();
                servedIn.putIfAbsent(key(record.kind().name(), record.id(), record.version()), page);
            }
            pages.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    values.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
