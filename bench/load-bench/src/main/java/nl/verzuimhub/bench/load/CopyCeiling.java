package nl.verzuimhub.bench.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The plain-COPY ceiling, on the hub's own database right after the run: the rows the ingest wrote (register
 * records, deliveries, outbox tasks and the audit entries up to {@code auditMaxId}) are read out in binary COPY
 * format and copied into empty tables of the same shape and indexes ({@code create table .. (like .. including all)}
 * in schema {@code ceiling}) through a temporary file, in chunks of about {@code pageRows} mutations' worth, one commit per chunk, like the
 * ingest commits one register page per transaction: no policy decisions, no chain, no lock, no JSON. Only the COPY
 * time counts, not the read-out.
 */
final class CopyCeiling {
    static final List<String> TABLES = List.of("register_record", "delivery", "outbox_task", "audit_entry");

    record Result(Map<String, Long> rows, long nanos) {
        long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static Result measure(Connection connection, long auditMaxId, int chunks) throws Exception {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        connection.setAutoCommit(true);
        try (Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists ceiling cascade");
            sql.execute("create schema ceiling");
            for (String table : TABLES) {
                sql.execute("create table ceiling." + table + " (like public." + table + " including all)");
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        long nanos = 0;
        for (String table : TABLES) {
            String where = table.equals("audit_entry") ? " where id <= " + auditMaxId : "";
            // A task leaves outbox_task when it is batched: every task the hub wrote, rebuilt in the table's columns
            // (its created_at is its delivery row's).
            String source = table.equals("outbox_task") ? "select i.delivery_id, i.recipient_id, d.created_at"
                    + " from public.outbox_item i join public.delivery d on d.id = i.delivery_id"
                    : "select * from public." + table + where;
            Path file = Files.createTempFile("ceiling-" + table, ".copy");
            try {
                long count;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                    count = copy.copyOut("copy (" + source + ") to stdout (format binary)",
                            out);
                }
                rows.put(table, count);
                int perChunk = (int) Math.max(1, (count + chunks - 1) / chunks);
                long[] copying = new long[1];
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    BinaryCopyChunks.split(in, perChunk, chunk -> {
                        long begin = System.nanoTime();
                        try {
                            copy.copyIn("copy ceiling." + table + " from stdin (format binary)",
                                    new ByteArrayInputStream(chunk));
                        } catch (Exception e) {
                            throw new IllegalStateException("COPY into ceiling." + table + " failed", e);
                        }
                        copying[0] += System.nanoTime() - begin;
                    });
                }
                nanos += copying[0];
            } finally {
                Files.deleteIfExists(file);
            }
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("drop schema ceiling cascade");
        }
        return new Result(rows, nanos);
    }
}
