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
 * request: token check, feed query, audit append and commit, JSON.
 */
final class FeedClients {
    private static final Pattern NEXT = Pattern.compile("\"next\":\"(\\d+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final URI hub;
    private final Latencies latencies = new Latencies();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    FeedClients(URI hub) {
        this.hub = hub;
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
        try {
            String token = token(http, client);
            String after = "0";
            while (System.nanoTime() < deadline) {
                HttpRequest request = HttpRequest.newBuilder(hub.resolve("/api/v1/feed?limit=" + limit + "&after=" + after))
                        .header("Authorization", "Bearer " + token).GET().build();
                long begin = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long micros = (System.nanoTime() - begin) / 1000;
                if (response.statusCode() != 200) {
                    errors.incrementAndGet();
                    if (response.statusCode() == 401) {
                        token = token(http, client);
                    }
                    continue;
                }
                String body = response.body();
                int count = count(body);
                if (begin >= measureFrom) {
                    latencies.add(micros);
                    pages.incrementAndGet();
                    items.addAndGet(count);
                }
                Matcher next = NEXT.matcher(body);
                after = count < limit || !next.find() ? "0" : next.group(1);
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            System.err.println("feed client " + client + " stopped: " + e);
        }
    }

    private static int count(String body) {
        int count = 0;
        for (int at = body.indexOf("\"sequence\":"); at >= 0; at = body.indexOf("\"sequence\":", at + 1)) {
            count++;
        }
        return count;
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
