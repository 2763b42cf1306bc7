package nl.verzuimhub.bench.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditItem;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.dpia.AuditQuery;
import nl.verzuimhub.dpia.AuditServerSettings;
import nl.verzuimhub.dpia.BinaryChainExport;
import nl.verzuimhub.dpia.Checkpoint;
import nl.verzuimhub.dpia.JdbcAuditLog;
import nl.verzuimhub.dpia.JdbcCheckpoints;
import nl.verzuimhub.dpia.ProcessingActivity;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.dpia.TraceContext;
import nl.verzuimhub.dpia.verify.IndependentVerifier;
import nl.verzuimhub.dpia.verify.VerifierReport;
import org.postgresql.PGConnection;

/**
 * The audit log's benchmark on an embedded PostgreSQL (zonky) with the hub's own server settings
 * ({@link AuditServerSettings}), in one run, after {@code --warmup} entries appended the same way but not timed (so
 * JIT compilation is not counted as the append's cost; a hub runs for days):
 * <ol>
 *   <li>append: {@code --entries} synthetic disclosure entries through {@link JdbcAuditLog#append} (chain head lock,
 *       SHA-256 chain, one COPY per call, month partitions, the three search indexes), {@code --batch} per
 *       transaction; entries/s over the append calls (generating the events is not timed);</li>
 *   <li>the plain-COPY ceiling: the first {@code --copy-rows} of the same stored rows, already encoded in the same
 *       binary COPY format the append sends, COPYed in the same batches into an identical table (same partitions and
 *       indexes) with no chain, no lock;</li>
 *   <li>verification: the first {@code --verify-entries} exported to a file with a signed checkpoint, then checked by
 *       the standalone verifier; entries/s;</li>
 *   <li>subject search over the whole log: the dashboard's query (subject hash, first 100 in id order) for
 *       {@code --searches} random subjects after a warm-up; median, p95, max.</li>
 * </ol>
 */
public final class AuditBench {
    private static CpuClock cpu;
    /** With {@code --page-items N > 0}: each entry is a feed page of N items (format 3) instead of one disclosure. */
    private static int pageItems;

    private static final String[] RECIPIENTS = {"leerplicht-0363", "swv-vo2701", "jgz-ggd-amsterdam", "leerplicht-0384",
            "rmc-amsterdam"};
    private static final String[] PURPOSES = {"leerplicht", "passend-onderwijs", "jeugdgezondheidszorg", "leerplicht",
            "rmc"};
    private static final List<String> FIELDS = List.of("bsn", "birthDate", "municipality", "brin", "absenceType",
            "periodStart", "periodEnd", "hours");

    public static void main(String[] args) throws Exception {
        long entries = longArg(args, "--entries", 1_000_000);
        long searchEntries = longArg(args, "--search-entries", 10_000_000);
        int batch = (int) longArg(args, "--batch", 1_000);
        long copyRows = longArg(args, "--copy-rows", 1_000_000);
        long verifyEntries = longArg(args, "--verify-entries", 1_000_000);
        int subjects = (int) longArg(args, "--subjects", 200_000);
        int searches = (int) longArg(args, "--searches", 500);
        long warmup = longArg(args, "--warmup", 20_000) / batch * batch;
        pageItems = (int) longArg(args, "--page-items", 0);
        boolean itemIndex = longArg(args, "--item-gin", 1) != 0;
        Path work = Files.createTempDirectory("audit-bench");
        System.out.printf("audit-bench: entries=%,d batch=%,d copy-rows=%,d verify-entries=%,d subjects=%,d"
                + " warm-up=%,d%n", entries, batch, copyRows, verifyEntries, subjects, warmup);
        // The hub's own settings (AuditServerSettings), plus memory for the bench's bulk fill and index rebuilds of
        // the search phase (not used by append, the ceiling or the search itself).
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder();
        AuditServerSettings.SETTINGS.forEach(server::setServerConfig);
        server.setServerConfig("maintenance_work_mem", "512MB");
        System.out.println("  PostgreSQL settings: " + AuditServerSettings.SETTINGS + ", maintenance_work_mem=512MB");
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--pg")) {
                String[] setting = args[i + 1].split("=", 2);
                server.setServerConfig(setting[0], setting[1]);
                System.out.println("  PostgreSQL setting " + setting[0] + " = " + setting[1]);
            }
        }
        try (EmbeddedPostgres postgres = server.start()) {
            DataSource db = postgres.getPostgresDatabase();
            install(db);
            if (!itemIndex) {
                try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                    s.execute("drop index audit_entry_item_subject_keys");
                }
                System.out.println("  without the GIN index on the item subjects' keys (--item-gin 0)");
            }
            String fastUpdate = stringArg(args, "--item-gin-fastupdate", null);
            if (fastUpdate != null && itemIndex) { // the GIN's pending list on (PostgreSQL's default) or off
                try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                    s.execute("drop index audit_entry_item_subject_keys");
                    s.execute("create index audit_entry_item_subject_keys on audit_entry using gin"
                            + " (audit_subject_keys(item_subjects)) with (fastupdate = " + fastUpdate + ")"
                            + " where item_subjects is not null");
                }
                System.out.println("  GIN on the item subjects' keys with fastupdate = " + fastUpdate);
            }
            String itemStorage = stringArg(args, "--item-storage", null);
            if (itemStorage != null) { // e.g. external: TOAST the item arrays without compressing them
                try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                    for (String column : List.of("item_subjects", "item_delivery_ids", "item_decision_ids",
                            "item_kinds", "item_record_ids", "item_versions", "item_actions", "item_policy_ids",
                            "item_policy_versions", "item_fields")) {
                        s.execute("alter table audit_entry alter column " + column + " set storage " + itemStorage);
                    }
                }
                System.out.println("  item columns with storage " + itemStorage);
            }
            if (pageItems > 0) {
                System.out.printf("  page entries (hash format 3): %d items per entry, --entries counts entries%n",
                        pageItems);
            }
            cpu = new CpuClock(db);
            SubjectHasher hasher = new SubjectHasher("benchmark-only-subject-key-000000".getBytes(StandardCharsets.UTF_8));
            String[] subjectHashes = new String[subjects];
            for (int i = 0; i < subjects; i++) {
                subjectHashes[i] = hasher.hash(String.format("%09d", 100_000_000 + i));
            }
            Random random = new Random(42);
            append(db, 0, warmup, warmup + entries, batch, subjectHashes, random, false);
            append(db, warmup, entries, warmup + entries, batch, subjectHashes, random, true);
            copyCeiling(db, warmup, Math.min(copyRows, entries), batch);
            verify(db, Math.min(verifyEntries, warmup + entries), work);
            fill(db, warmup + entries, searchEntries, subjectHashes);
            search(db, subjectHashes, searches);
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 var row = s.executeQuery("select pg_size_pretty(sum(pg_total_relation_size(inhrelid))), count(*)"
                         + " from pg_inherits where inhparent = 'audit_entry'::regclass")) {
                row.next();
                System.out.printf("audit_entry on disk (tables + indexes): %s in %d month partitions%n",
                        row.getString(1), row.getLong(2));
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Appends entries {@code first + 1 .. first + entries} of a log of {@code total} spread over a year; prints the
     * rates when {@code report}.
     */
    private static void append(DataSource db, long first, long entries, long total, int batch, String[] subjects,
                               Random random, boolean report) throws Exception {
        JdbcAuditLog log = new JdbcAuditLog();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        long perEntryMicros = Math.max(1, 365L * 24 * 3600 * 1_000_000 / Math.max(1, total)); // a year of entries
        long timedNanos = 0;
        long written = 0;
        long reportEvery = Math.max(batch, entries / 10);
        long nextReport = reportEvery;
        long windowNanos = 0;
        long windowStart = 0;
        long cpuNanos = 0;
        long jvmNanos = 0;
        long commitNanos = 0;
        long[] wal0 = wal(db);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            while (written < entries) {
                int size = (int) Math.min(batch, entries - written);
                List<AuditEvent> events = new ArrayList<>(size);
                TraceContext trace = TraceContext.newTrace();
                for (int i = 0; i < size; i++) {
                    long n = first + written + i;
                    int r = random.nextInt(RECIPIENTS.length);
                    if (pageItems > 0) {
                        List<AuditItem> items = new ArrayList<>(pageItems);
                        for (int k = 0; k < pageItems; k++) {
                            items.add(new AuditItem(n * pageItems + k, Long.toHexString(random.nextLong()),
                                    "VERZUIMMELDING", "VM-2026-" + ((n * pageItems + k) % 5_000_000), 1,
                                    AuditAction.DISCLOSE, subjects[random.nextInt(subjects.length)],
                                    "leerplicht.residence", "default-2026.11.1", FIELDS));
                        }
                        events.add(AuditEvent.builder(start.plusNanos(n * perEntryMicros * 1000), AuditAction.DISCLOSE,
                                        AuditOutcome.SUCCESS).channel(AuditChannel.FEED).recipientId(RECIPIENTS[r])
                                .organisation("0363").role("ATTENDANCE_OFFICER").purposeId(PURPOSES[r])
                                .legalBasis("Leerplichtwet 1969 art. 21a").items(items).trace(trace)
                                .processingActivity(ProcessingActivity.of(AuditAction.DISCLOSE, PURPOSES[r])).build());
                        continue;
                    }
                    events.add(AuditEvent.builder(start.plusNanos(n * perEntryMicros * 1000), AuditAction.DISCLOSE,
                                    AuditOutcome.SUCCESS).channel(AuditChannel.FEED).recipientId(RECIPIENTS[r])
                            .organisation("0363").role("ATTENDANCE_OFFICER").purposeId(PURPOSES[r])
                            .legalBasis("Leerplichtwet 1969 art. 21a").policyId("leerplicht.residence")
                            .policyVersion("default-2026.11.1").decisionId(Long.toHexString(random.nextLong()))
                            .recordKind("VERZUIMMELDING").recordId("VM-2026-" + (n % 5_000_000)).recordVersion(1)
                            .subjectHash(subjects[random.nextInt(subjects.length)]).fields(FIELDS)
                            .trace(trace).processingActivity(ProcessingActivity.of(AuditAction.DISCLOSE, PURPOSES[r]))
                            .build());
                }
                long c0 = cpu.nanos();
                long j0 = cpu.jvmNanos();
                long t0 = System.nanoTime();
                log.append(c, events);
                long committing = System.nanoTime();
                c.commit();
                long took = System.nanoTime() - t0;
                commitNanos += System.nanoTime() - committing;
                jvmNanos += cpu.jvmNanos() - j0;
                cpuNanos += cpu.nanos() - c0;
                timedNanos += took;
                windowNanos += took;
                written += size;
                if (report && (written >= nextReport || written == entries)) {
                    System.out.printf("  append: %,d entries, last %,d at %,.0f entries/s%n", written,
                            written - windowStart, (written - windowStart) / (windowNanos / 1e9));
                    windowStart = written;
                    windowNanos = 0;
                    nextReport += reportEvery;
                }
            }
        }
        if (!report) {
            return;
        }
        System.out.printf("APPEND with chain + indexes: %,d entries in %.1f s = %,.0f entries/s (batch %,d, one writer);"
                + " CPU (JVM + PostgreSQL) %.1f s = %,.0f entries per CPU-second, of which JVM %.1f s; waiting for the"
                + " commits %.1f s%n", entries, timedNanos / 1e9, entries / (timedNanos / 1e9), batch, cpuNanos / 1e9,
                entries / (cpuNanos / 1e9), jvmNanos / 1e9, commitNanos / 1e9);
        printWal(db, "append", wal0, entries);
    }

    /** WAL written so far: records, full-page images, bytes (pg_stat_wal). */
    private static long[] wal(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var row = s.executeQuery("select wal_records, wal_fpi, wal_bytes from pg_stat_wal")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
        }
    }

    private static void printWal(DataSource db, String phase, long[] before, long rows) throws Exception {
        long[] after = wal(db);
        System.out.printf("  WAL during %s: %,d records, %,d full-page images, %,d MB = %,.0f bytes per row%n", phase,
                after[0] - before[0], after[1] - before[1], (after[2] - before[2]) / 1_000_000,
                (double) (after[2] - before[2]) / rows);
    }

    /** COPYs rows {@code warmup + 1 .. warmup + rows} (the timed append's) after the warm-up rows, untimed. */
    private static void copyCeiling(DataSource db, long warmup, long rows, int batch) throws Exception {
        if (rows <= 0) {
            return;
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table audit_entry_copy (like audit_entry including defaults) partition by range (occurred_at)");
            s.execute("do $$ declare p record; begin for p in select inhrelid::regclass::text as name,"
                    + " pg_get_expr(c.relpartbound, c.oid) as bound from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                    + " where inhparent = 'audit_entry'::regclass loop execute format('create table %I partition of"
                    + " audit_entry_copy %s', replace(p.name, 'audit_entry', 'audit_entry_copy'), p.bound); end loop; end $$");
            s.execute("alter table audit_entry_copy add primary key (id, occurred_at)");
            for (String index : searchIndexes(s).values()) { // the same search indexes, whatever the migrations made
                String copyIndex = index.replace("INDEX audit_entry_", "INDEX audit_entry_copy_")
                        .replace(" ON public.audit_entry ", " ON public.audit_entry_copy ");
                System.out.println("  ceiling index: " + copyIndex);
                s.execute(copyIndex);
            }
        }
        long timedNanos = 0;
        long cpuNanos = 0;
        long[] wal0 = wal(db);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (long from = 1; from <= warmup + rows; from += batch) {
                long to = Math.min(warmup + rows, from + batch - 1);
                java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream(batch * 700);
                copy.copyOut("copy (select * from audit_entry where id between " + from + " and " + to
                        + " order by id) to stdout (format binary)", encoded);
                c.commit();
                byte[] rowsBinary = encoded.toByteArray();
                long c0 = cpu.nanos();
                long t0 = System.nanoTime();
                copy.copyIn("copy audit_entry_copy from stdin (format binary)", new java.io.ByteArrayInputStream(rowsBinary));
                c.commit();
                if (from > warmup) {
                    timedNanos += System.nanoTime() - t0;
                    cpuNanos += cpu.nanos() - c0;
                }
            }
        }
        System.out.printf("PLAIN COPY ceiling (same rows, same table shape and indexes, no chain, no lock): %,d rows in"
                + " %.1f s = %,.0f rows/s; CPU %.1f s = %,.0f rows per CPU-second%n", rows, timedNanos / 1e9,
                rows / (timedNanos / 1e9), cpuNanos / 1e9, rows / (cpuNanos / 1e9));
        printWal(db, "the ceiling (with its untimed warm-up and COPY out)", wal0, warmup + rows);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table audit_entry_copy");
        }
    }

    private static void verify(DataSource db, long entries, Path work) throws Exception {
        if (entries <= 0) {
            return;
        }
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path export = work.resolve("export.bin");
        long t0 = System.nanoTime();
        try (Connection c = db.getConnection();
             var out = new java.io.BufferedOutputStream(Files.newOutputStream(export), 1 << 20)) {
            c.setAutoCommit(false);
            byte[] lastHash;
            try (var select = c.prepareStatement("select hash from audit_entry where id = ?")) {
                select.setLong(1, entries);
                try (var row = select.executeQuery()) {
                    row.next();
                    lastHash = row.getBytes(1);
                }
            }
            BinaryChainExport.Writer writer = new BinaryChainExport.Writer(out).header();
            writer.checkpoint(Checkpoint.sign(entries, lastHash, Instant.now(), "bench", keys.getPrivate()).withId(1));
            new JdbcAuditLog().stream(c, 1, entries, writer::entry);
            writer.flush();
            c.rollback();
        }
        long exportNanos = System.nanoTime() - t0;
        System.out.printf("  export of %,d entries: %.1f s, %,d MB%n", entries, exportNanos / 1e9,
                Files.size(export) / 1_000_000);
        IndependentVerifier verifier = new IndependentVerifier(keys.getPublic());
        VerifierReport report = null;
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long c0 = cpu.jvmNanos();
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(export)) {
                report = verifier.verifyExport(in, List.of());
            }
            long took = System.nanoTime() - start;
            long cpuTook = cpu.jvmNanos() - c0;
            best = Math.min(best, took);
            bestCpu = Math.min(bestCpu, cpuTook);
            System.out.printf("  verify run %d: %.2f s = %,.0f entries/s (CPU %.2f s = %,.0f entries per CPU-second)%n",
                    run + 1, took / 1e9, entries / (took / 1e9), cpuTook / 1e9, entries / (cpuTook / 1e9));
        }
        if (!report.valid()) {
            throw new IllegalStateException("the export did not verify:\n" + report.describe());
        }
        System.out.printf("VERIFY from the binary export (standalone verifier, 1 thread, best of 5): %,d entries in %.2f s = %,.0f"
                + " entries/s; best CPU %.2f s = %,.0f entries per CPU-second%n", entries, best / 1e9,
                entries / (best / 1e9), bestCpu / 1e9, entries / (bestCpu / 1e9));
    }

    /**
     * Grows the log to {@code total} rows for the search measurement with rows generated inside PostgreSQL: the same
     * shape, recipients, year and subject distribution as the appended ones, but not chained (the search does not
     * read hashes; appending 9 million more through the chain would only repeat the append measurement).
     */
    private static void fill(DataSource db, long chained, long total, String[] subjects) throws Exception {
        if (total <= chained) {
            return;
        }
        long t0 = System.nanoTime();
        java.util.Map<String, String> indexes;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table bench_subject (n int primary key, hash text not null)");
            try (var insert = c.prepareStatement("insert into bench_subject values (?, ?)")) {
                for (int i = 0; i < subjects.length; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, subjects[i]);
                    insert.addBatch();
                    if (i % 10_000 == 9_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            // Bulk load: drop the indexes, insert, build them again (the appended rows keep their place in them).
            indexes = searchIndexes(s);
            String primaryKey;
            try (var row = s.executeQuery("select conname from pg_constraint where conrelid = 'audit_entry'::regclass"
                    + " and contype = 'p'")) {
                row.next();
                primaryKey = row.getString(1); // not audit_entry_pkey: V40 renamed the old table, which kept that name
            }
            s.execute("alter table audit_entry drop constraint " + primaryKey);
            s.execute("drop index " + String.join(", ", indexes.keySet()));
            long step = 2_000_000;
            for (long from = chained + 1; from <= total; from += step) {
                long to = Math.min(total, from + step - 1);
                s.execute("insert into audit_entry (id, occurred_at, action, outcome, channel, recipient_id, organisation,"
                        + " role, purpose_id, legal_basis, policy_id, policy_version, decision_id, record_kind, record_id,"
                        + " record_version, subject_hash, fields, reason, previous_hash, hash, hash_format, trace_id,"
                        + " span_id, processing_activity)"
                        + " select g, timestamptz '2026-01-01 00:00:00+00' + (g % 31536000) * interval '1 second',"
                        + " 'DISCLOSE', 'SUCCESS', 'FEED', (array['leerplicht-0363','swv-vo2701','jgz-ggd-amsterdam',"
                        + "'leerplicht-0384','rmc-amsterdam'])[1 + (g % 5)], '0363', 'ATTENDANCE_OFFICER', 'leerplicht',"
                        + " 'Leerplichtwet 1969 art. 21a', 'leerplicht.residence', 'default-2026.11.1', md5(g::text),"
                        + " 'VERZUIMMELDING', 'VM-2026-' || (g % 5000000), 1, s.hash,"
                        + " '{bsn,birthDate,municipality,brin,absenceType,periodStart,periodEnd,hours}', null,"
                        + " sha256(int8send(g - 1)), sha256(int8send(g)), 2, md5(g::text), left(md5(g::text), 16),"
                        + " 'verstrekking/leerplicht'"
                        + " from generate_series(" + from + ", " + to + ") g"
                        + " join bench_subject s on s.n = (abs(hashint8(g)) % " + subjects.length + ")");
                System.out.printf("  fill: %,d rows%n", to);
            }
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_entry add primary key (id, occurred_at)");
            for (String index : indexes.values()) {
                s.execute(index);
            }
        }
        System.out.printf("  fill to %,d rows (generated in SQL, not chained; indexes rebuilt): %.0f s%n", total,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The search indexes of {@code audit_entry} as the migrations left them (all but the primary key): name to a
     * {@code create index} statement that creates it on every partition.
     */
    private static java.util.Map<String, String> searchIndexes(Statement s) throws Exception {
        java.util.Map<String, String> indexes = new java.util.LinkedHashMap<>();
        try (var rows = s.executeQuery("select c.relname, pg_get_indexdef(i.indexrelid) from pg_index i"
                + " join pg_class c on c.oid = i.indexrelid where i.indrelid = 'audit_entry'::regclass"
                + " and not i.indisprimary order by c.relname")) {
            while (rows.next()) {
                indexes.put(rows.getString(1), rows.getString(2).replace(" ON ONLY ", " ON "));
            }
        }
        return indexes;
    }

    private static void search(DataSource db, String[] subjects, int searches) throws Exception {
        JdbcAuditLog log = new JdbcAuditLog();
        Random random = new Random(7);
        long total;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze audit_entry");
            try (var row = s.executeQuery("select count(*) from audit_entry")) {
                row.next();
                total = row.getLong(1);
            }
        }
        long[] nanos = new long[searches];
        long found = 0;
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < 50; i++) { // warm-up: plans, connection
                log.find(c, new AuditQuery(subjects[random.nextInt(subjects.length)], null, null, null, 0, 100));
            }
            for (int i = 0; i < searches; i++) {
                String subject = subjects[random.nextInt(subjects.length)];
                long t0 = System.nanoTime();
                found += log.find(c, new AuditQuery(subject, null, null, null, 0, 100)).size();
                nanos[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("SUBJECT SEARCH over %,d entries (%d random subjects, first 100 in id order, avg %.1f hits):"
                        + " median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", total, searches,
                (double) found / searches, nanos[searches / 2] / 1e6, nanos[(int) (searches * 0.95)] / 1e6,
                nanos[(int) (searches * 0.99)] / 1e6, nanos[searches - 1] / 1e6);
    }

    private static void install(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String migration : List.of("V3__audit_log.sql", "V40__audit_entry_v2_partitioned.sql",
                    "V41__audit_checkpoint.sql", "V44__audit_entry_index_tuning.sql",
                    "V45__audit_subject_hash_index.sql", "V91__audit_entry_items.sql",
                    "V93__audit_items_uncompressed.sql", "V95__audit_item_subject_keys.sql")) {
                try (InputStream in = AuditBench.class.getResourceAsStream("/db/migration/" + migration)) {
                    s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static long longArg(String[] args, String name, long fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Long.parseLong(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }
}
