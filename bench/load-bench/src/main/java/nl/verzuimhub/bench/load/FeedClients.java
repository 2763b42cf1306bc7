package nl.verzuimhub.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pull-feed clients: each gets a real access token from the hub's authorization server (client credentials), then
 * reads its feed page after page ({@code limit} items, following {@code next}) for the given time, starting over at
 * the beginning when it reaches the end (a re-read is served and audited like any read). Every page is a full
 * request: token check, feed query, audit append and commit, JSON. Pages are fetched over one kept-alive connection
 * per client ({@link KeepAliveGet}), so that the clients, which share the machine with the hub, cost little CPU.
 *
 * <p>With a pinned cursor ({@link #emptyPages}) every request asks for the page after that cursor and nothing else:
 * past the end of every feed, each is a full request that serves nothing (token check, revoked check, feed query,
 * JSON; no items, so no audit entry), the fixed cost of a feed request.
 */
final class FeedClients {
    private static final String SEQUENCE = "\"sequence\":";
    private static final byte[] SEQUENCE_BYTES = SEQUENCE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT_BYTES = "\"next\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final URI hub;
    private final String pinnedAfter;
    private final Latencies latencies = new Latencies();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    FeedClients(URI hub) {
        this(hub, null);
    }

    private FeedClients(URI hub, String pinnedAfter) {
        this.hub = hub;
        this.pinnedAfter = pinnedAfter;
    }

    /** Clients that always ask for the page after {@code cursor}: past the end of the feeds, empty pages. */
    static FeedClients emptyPages(URI hub, long cursor) {
        return new FeedClients(hub, Long.toString(cursor));
    }

    /**
     * Runs one thread per client for {@code warmup} and then {@code duration}; only requests begun after the warm-up
     * count in pages, items and latencies (errors always count). {@code measuring} runs on the calling thread when the
     * measured part begins. Returns the measured part's wall time in nanoseconds.
     */
    long run(List<String> clients, int limit, Duration warmup, Duration duration, Runnable measuring)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long deadline = measureFrom + duration.toNanos();
        for (String client : clients) {
            Thread thread = new Thread(() -> read(client, limit, measureFrom, deadline), "feed-" + client);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        measuring.run();
        for (Thread thread : threads) {
            thread.join();
        }
        return System.nanoTime() - measureFrom;
    }

    private void read(String client, int limit, long measureFrom, long deadline) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (KeepAliveGet feed = new KeepAliveGet(hub)) {
            String token = token(http, client);
            String after = pinnedAfter == null ? "0" : pinnedAfter;
            while (System.nanoTime() < deadline) {
                long begin = System.nanoTime();
                KeepAliveGet.Response response = feed.get("/api/v1/feed?limit=" + limit + "&after=" + after,
                        "Bearer " + token);
                long micros = (System.nanoTime() - begin) / 1000;
                if (response.status() != 200) {
                    errors.incrementAndGet();
                    if (response.status() == 401) {
                        token = token(http, client);
                    }
                    continue;
                }
                int count = count(response.body());
                if (begin >= measureFrom) {
                    latencies.add(micros);
                    pages.incrementAndGet();
                    items.addAndGet(count);
                }
                if (pinnedAfter == null) {
                    String next = next(response.body());
                    after = count < limit || next == null ? "0" : next;
                }
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            System.err.println("feed client " + client + " stopped: " + e);
        }
    }

    /** How many items a page's JSON holds: the occurrences of {@value #SEQUENCE}. */
    private static int count(byte[] body) {
        int count = 0;
        for (int at = indexOf(body, SEQUENCE_BYTES, 0); at >= 0;
             at = indexOf(body, SEQUENCE_BYTES, at + 1)) {
            count++;
        }
        return count;
    }

    /** The page's {@code next} cursor (its digits), or null when it has none. */
    private static String next(byte[] body) {
        int at = indexOf(body, NEXT_BYTES, 0);
        if (at < 0) {
            return null;
        }
        int from = at + NEXT_BYTES.length;
        int to = from;
        while (to < body.length && body[to] >= '0' && body[to] <= '9') {
            to++;
        }
        return to > from && to < body.length && body[to] == '"' ? new String(body, from, to - from, StandardCharsets.US_ASCII)
                : null;
    }

    private static int indexOf(byte[] body, byte[] pattern, int from) {
        outer:
        for (int at = from; at <= body.length - pattern.length; at++) {
            for (int k = 0; k < pattern.length; k++) {
                if (body[at + k] != pattern[k]) {
                    continue outer;
                }
            }
            return at;
        }
        return -1;
    }

    private String token(HttpClient http, String client) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + HubRecipients.secret(client))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(hub.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token for " + client + ": HTTP " + response.statusCode());
        }
        return token.group(1);
    }

    Latencies latencies() {
        return latencies;
    }

    long pages() {
        return pages.get();
    }

    long items() {
        return items.get();
    }

    long errors() {
        return errors.get();
    }
}
