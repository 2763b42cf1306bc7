package nl.verzuimhub.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The end-to-end load run (issue 8): a national year of register changes through the real hub, in one run.
 * <ol>
 *   <li>generates the year ({@link NationalYear}) and serves it as the register ({@link RegisterServer});</li>
 *   <li>starts the hub's fat jar in its own JVM ({@link HubProcess}) with the recipients of {@link HubRecipients},
 *       webhook push to {@link WebhookReceiver};</li>
 *   <li>ingest: from the first register page served to the hub's cursor, committed, past the last mutation (every
 *       delivery row, outbox task and push audit entry commits in the page's transaction);</li>
 *   <li>push: register page to the recipient's webhook, per item, until every outbox task is delivered;</li>
 *   <li>{@code vacuum (analyze)}, timed, so that autovacuum does not run during what follows;</li>
 *   <li>empty feed pages: the feed's clients ask past the end of their feeds, the fixed cost of a request;</li>
 *   <li>feed: {@code feed-clients} clients read their feeds for {@code feed-seconds} ({@link FeedClients});</li>
 *   <li>the plain-COPY ceiling of the same rows on the same database ({@link CopyCeiling}).</li>
 * </ol>
 * Writes the report to stdout and {@code report.txt} in the work directory.
 */
public final class LoadBench {
    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        deleteRecursively(options.work());
        Files.createDirectories(options.work());
        Report report = new Report(options.work().resolve("report.txt"));
        report.line("load run " + Instant.now() + ", options " + options);

        long generateStart = System.nanoTime();
        NationalYear year = NationalYear.generate(options.seed(), options.pupils(), options.regions(),
                options.calibrated());
        List<nl.verzuimhub.core.record.Mutation> mutations = year.mutations();
        report.line(String.format("data: %,d mutations (%s generator, %d region(s) of %,d pupils, seed %d), generated in "
                        + "%.1f s; mix %s", mutations.size(), options.calibrated() ? "calibrated" : "original",
                options.regions(), options.pupils(), options.seed(),
                (System.nanoTime() - generateStart) / 1e9, year.mix()));
        long lastSequence = mutations.get(mutations.size() - 1).sequence();

        try (RegisterServer register = new RegisterServer(mutations);
             WebhookReceiver receiver = new WebhookReceiver(register, HubRecipients.PUSH_SECRET)) {
            HubRecipients recipients = new HubRecipients(year.municipalities(), year.partnerships(),
                    options.pushMunicipalities(), receiver);
            List<String> hubArguments = new ArrayList<>(recipients.arguments());
            hubArguments.add("--hub.register.base-url=" + register.baseUrl());
            hubArguments.add("--hub.register.poll-interval=1s");
            hubArguments.add("--hub.register.page-size=" + options.pageSize());
            report.line(String.format("recipients: %d attendance officers, %d partnerships, 3 GGD and 3 RMC regions "
                    + "(plus the demo recipients of application.yml); push to %s", recipients.attendanceOfficers().size(),
                    year.partnerships().size(), recipients.pushed()));
            int port = freePort();
            try (HubProcess hub = new HubProcess(options.jar(), options.work(), port, options.heap(), options.hubJvmOptions(), options.jfr(),
                    hubArguments)) {
                hub.awaitStarted(Duration.ofMinutes(3));
                try (MemorySampler memory = new MemorySampler(hub.pid());
                     Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + hub.postgresPort()
                             + "/postgres", "postgres", "")) {
                    run(options, report, register, receiver, recipients, hub, memory, db, mutations.size(),
                            lastSequence);
                }
            }
        }
        report.line(dropDatabase(options));
        report.close();
        System.exit(0); // the JDK HttpServer and HttpClient threads must not keep the run (and the measure lock) alive
    }

    private static void run(LoadOptions options, Report report, RegisterServer register, WebhookReceiver receiver,
                            HubRecipients recipients, HubProcess hub, MemorySampler memory, Connection db,
                            int mutationCount, long lastSequence) throws Exception {
        CpuMeter cpu = new CpuMeter(hub.pid(), options.work().resolve("postgres"));
        CpuMeter.Snapshot beforeIngest = cpu.snapshot();
        // Ingest: until the committed cursor is past the last mutation.
        long deadline = System.nanoTime() + options.ingestTimeout().toNanos();
        long committed = 0;
        long lastReport = System.nanoTime();
        while (committed <= lastSequence && System.nanoTime() < deadline) {
            committed = single(db, "select next_sequence from register_cursor where id = 1");
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                System.out.printf("  ... cursor %,d of %,d, %,d items pushed%n", committed, lastSequence, receiver.items());
                lastReport = System.nanoTime();
            }
            Thread.sleep(50);
        }
        long ingestEnd = System.nanoTime();
        CpuMeter.Snapshot ingestCpu = cpu.snapshot().minus(beforeIngest);
        register.stopServing();
        // Mutations are numbered 1..n without gaps: the committed cursor says how many are in.
        long ingested = Math.min(committed - 1, mutationCount);
        if (committed <= lastSequence) {
            Thread.sleep(2_000); // the page in flight commits or not; then the cursor stays
            committed = single(db, "select next_sequence from register_cursor where id = 1");
            ingested = Math.min(committed - 1, mutationCount);
            report.line(String.format("INGEST STOPPED AFTER THE TIME LIMIT of %s: %,d of %,d mutations committed; the "
                    + "figures below are for those", options.ingestTimeout(), ingested, mutationCount));
        }
        double ingestSeconds = (ingestEnd - register.firstServedNanos()) / 1e9;
        long records = single(db, "select count(*) from register_record");
        long deliveries = single(db, "select count(*) from delivery");
        long disclosures = single(db, "select count(*) from delivery where action <> 'INGETROKKEN'");
        long tasks = single(db, "select count(*) from outbox_item");
        long auditAtIngest = single(db, "select coalesce(max(id), 0) from audit_entry");
        long storedMutations = single(db, "select count(*) from register_record where action <> 'INGETROKKEN'");
        double rate = ingested / ingestSeconds;
        report.line(String.format("ingest: %,d mutations in %.1f s = %,.0f mutations/s (register page to committed "
                        + "delivery rows, outbox rows and audit entries; %,d register pages)", ingested,
                ingestSeconds, rate, register.pagesServed()));
        report.line(String.format("  wrote %,d register records, %,d delivery rows (%,d disclosures, %.2f per "
                        + "mutation, %.2f per non-withdrawal mutation), %,d outbox tasks, audit ids up to %,d",
                records, deliveries, disclosures, (double) deliveries / ingested,
                (double) disclosures / Math.max(1, ingested - (records - storedMutations)), tasks, auditAtIngest));
        report.line("  " + ingestCpu.describe(Math.max(1, ingested / 1000), "1,000 mutations")
                + String.format(" (%.2f of %d cores busy; the dispatcher's pushes run alongside and are included)",
                ingestCpu.total() / ((ingestEnd - register.firstServedNanos()) / 1e9),
                Runtime.getRuntime().availableProcessors()));

        // Push: until every task's batch is delivered.
        long pushDeadline = System.nanoTime() + options.pushWait().toNanos();
        long open = tasks;
        while (open > 0 && System.nanoTime() < pushDeadline) {
            open = single(db, "select count(*) from outbox_item t left join outbox_batch b on b.id = t.batch_id"
                    + " where b.id is null or b.status <> 'DELIVERED'");
            Thread.sleep(200);
        }
        PushLatency.Summary pushed = receiver.latencies();
        Latencies push = pushed.fromCreatingPage();
        Latencies redecided = pushed.redecidedFromVersionPage();
        report.line(String.format("push: %,d items received (%,d tasks, %d left undelivered, %d duplicate batches, %d bad "
                        + "signatures); register page to recipient median %.0f ms, p99 %.0f ms, max %.0f ms; last item "
                        + "%.1f s after the ingest's end", receiver.items(), tasks, open, receiver.duplicates(),
                receiver.badSignatures(), push.millis(0.5), push.millis(0.99), push.millis(1.0),
                (receiver.lastReceivedNanos() - ingestEnd) / 1e9));
        report.line(String.format("  latency from the page whose ingest created the item; %,d items were re-decided"
                        + " there for a record version an earlier page carried (a pupil's move or change of school),"
                        + " from that earlier page: median %.0f ms, max %.0f ms", redecided.count(),
                redecided.millis(0.5), redecided.millis(1.0)));
        report.line(String.format("memory after ingest and push: peak heap %.0f MB (jstat, 250 ms), peak RSS %.0f MB",
                memory.peakHeapMb(), memory.peakRssMb()));

        // Steady state for the feed: autovacuum would now vacuum and analyse the tables the ingest filled, and in
        // earlier runs it did so while the feed was measured; the harness does it first, timed, so the feed is measured
        // on the tables as autovacuum leaves them.
        long vacuumStart = System.nanoTime();
        try (Statement sql = db.createStatement()) {
            sql.execute("vacuum (analyze)");
        }
        report.line(String.format("vacuum (analyze) of the database after the ingest, before the feed: %.1f s",
                (System.nanoTime() - vacuumStart) / 1e9));

        // Feed: the clients with the most items.
        List<String> feedClients = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("select recipient_id from delivery"
                + " group by recipient_id order by count(*) desc")) {
            while (rows.next() && feedClients.size() < options.feedClients()) {
                String client = rows.getString(1);
                if (recipients.hasSecret(client)) {
                    feedClients.add(client);
                }
            }
        }
        // Empty pages first: after the feed, PostgreSQL is still busy with what the feed's audit entries left (their
        // subject keys' pending list, autovacuum of the audit partition), which would be counted as the floor's.
        emptyFeedPages(options, report, hub, cpu, db, feedClients);
        FeedClients feed = new FeedClients(URI.create("http://localhost:" + hub.port()));
        CpuMeter.Snapshot[] beforeFeed = new CpuMeter.Snapshot[1];
        long[] auditBeforeFeed = new long[1];
        long feedNanos = feed.run(feedClients, options.feedLimit(), options.feedWarmup(), options.feedTime(), () -> {
            beforeFeed[0] = cpu.snapshot();
            try {
                auditBeforeFeed[0] = single(db, "select coalesce(max(id), 0) from audit_entry");
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the audit log's last id", e);
            }
        });
        CpuMeter.Snapshot feedCpu = cpu.snapshot().minus(beforeFeed[0]);
        long auditAfterFeed = single(db, "select coalesce(max(id), 0) from audit_entry");
        Latencies pages = feed.latencies();
        report.line(String.format("feed: %d clients %s, after %d s of warm-up, %,d pages (%,d items, %.1f per page) in %.1f s = %,.0f pages/s; "
                        + "latency median %.1f ms, p99 %.1f ms, max %.1f ms; %d errors; %,d audit entries written",
                feedClients.size(), feedClients, options.feedWarmup().toSeconds(), feed.pages(), feed.items(), (double) feed.items() / Math.max(1, feed.pages()),
                feedNanos / 1e9, feed.pages() / (feedNanos / 1e9), pages.millis(0.5), pages.millis(0.99),
                pages.millis(1.0), feed.errors(), auditAfterFeed - auditBeforeFeed[0]));
        report.line("  " + feedCpu.describe(Math.max(1, feed.pages()), "page") + String.format(" (%.2f of %d cores busy)",
                feedCpu.total() / (feedNanos / 1e9), Runtime.getRuntime().availableProcessors()));
        report.line(String.format("memory over the whole run: peak heap %.0f MB, peak RSS %.0f MB (hub JVM, -Xmx%s)",
                memory.peakHeapMb(), memory.peakRssMb(), options.heap()));

        // Ceiling: the same rows with plain COPY, a commit per page's worth.
        int chunks = (int) Math.max(1, register.pagesServed());
        CopyCeiling.Result ceiling = CopyCeiling.measure(db, auditAtIngest, chunks);
        double ceilingRate = ingested / (ceiling.nanos() / 1e9);
        report.line(String.format("COPY ceiling: %,d rows %s in %d commits each, %.1f s = %,.0f mutations/s; ingest "
                        + "reached %.0f %% of it", ceiling.totalRows(), ceiling.rows(), chunks, ceiling.nanos() / 1e9,
                ceilingRate, 100 * rate / ceilingRate));
        report.line(String.format("  ratios to the ceiling: ingest %.2f; feed items/s %.2f; push items/s over the "
                        + "ingest %.2f", rate / ceilingRate, feed.items() / (feedNanos / 1e9) / ceilingRate,
                receiver.items() / ingestSeconds / ceilingRate));
    }

    /**
     * The feed's fixed cost per request: the feed's clients ask, for a third of the feed's time after the feed's warm-up,
     * for the page after the last delivery id, so every request is checked and queried as a page is but serves
     * nothing (and writes no audit entry).
     */
    private static void emptyFeedPages(LoadOptions options, Report report, HubProcess hub, CpuMeter cpu, Connection db,
                                       List<String> clients) throws Exception {
        long end = single(db, "select coalesce(max(id), 0) from delivery");
        FeedClients empty = FeedClients.emptyPages(URI.create("http://localhost:" + hub.port()), end);
        CpuMeter.Snapshot[] before = new CpuMeter.Snapshot[1];
        long nanos = empty.run(clients, options.feedLimit(), options.feedWarmup(),
                options.feedTime().dividedBy(3), () -> before[0] = cpu.snapshot());
        CpuMeter.Snapshot used = cpu.snapshot().minus(before[0]);
        report.line(String.format("empty feed pages (after=%d, the same clients): %,d requests in %.1f s = %,.0f "
                        + "requests/s; latency median %.1f ms, p99 %.1f ms; %d errors, %,d items served", end,
                empty.pages(), nanos / 1e9, empty.pages() / (nanos / 1e9), empty.latencies().millis(0.5),
                empty.latencies().millis(0.99), empty.errors(), empty.items()));
        report.line("  " + used.describe(Math.max(1, empty.pages()), "request") + String.format(" (%.2f of %d cores "
                + "busy)", used.total() / (nanos / 1e9), Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Deletes the run's database ({@code WORK/postgres}, about 7 GB for a national year) once its PostgreSQL has
     * stopped with the hub, unless {@code --keep-database}; says which.
     */
    private static String dropDatabase(LoadOptions options) throws Exception {
        Path data = options.work().resolve("postgres");
        if (options.keepDatabase()) {
            return "database kept in " + data + " (--keep-database): delete it after looking";
        }
        for (int i = 0; i < 300 && Files.exists(data.resolve("postmaster.pid")); i++) {
            Thread.sleep(100);
        }
        if (Files.exists(data.resolve("postmaster.pid"))) {
            return "database kept in " + data + ": its PostgreSQL has not stopped";
        }
        deleteRecursively(data);
        return "database deleted (--keep-database keeps it for inspection)";
    }

    private static long single(Connection db, String query) throws Exception {
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * A port that is free now, below Linux's ephemeral range (32768-60999 by default). A port the kernel handed out for
     * {@code new ServerSocket(0)} could be handed out again to an outgoing connection during the hub's 15 s start-up,
     * and one run failed that way ("Port ... was already in use"); no outgoing connection takes a port below the range.
     */
    private static int freePort() throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Lines to stdout and to the report file. */
    private static final class Report implements AutoCloseable {
        private final PrintStream file;

        Report(Path path) throws IOException {
            file = new PrintStream(Files.newOutputStream(path), true);
        }

        void line(String text) {
            System.out.println(text);
            file.println(text);
        }

        @Override
        public void close() {
            file.close();
        }
    }
}
