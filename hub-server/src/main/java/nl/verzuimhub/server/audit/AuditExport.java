package nl.verzuimhub.server.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import nl.verzuimhub.dpia.BinaryChainExport;
import nl.verzuimhub.dpia.ChainExport;
import nl.verzuimhub.dpia.JdbcAuditLog;
import nl.verzuimhub.dpia.JdbcCheckpoints;
import nl.verzuimhub.dpia.LogboekRecord;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes exports of the audit log, streaming (memory stays flat however many entries): the Logboek
 * Dataverwerkingen JSON shape for a period, and the verification export (all checkpoints and the whole chain) for
 * the standalone verifier. Each export reads one consistent snapshot (repeatable read).
 */
@Component
class AuditExport {
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final JdbcAuditLog log = new JdbcAuditLog();
    private final String version;

    AuditExport(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
        String implementation = AuditExport.class.getPackage().getImplementationVersion();
        this.version = implementation == null ? "development" : implementation;
    }

    /** A JSON array of Logboek Dataverwerkingen records for entries of [from, to). */
    void logboek(Instant from, Instant to, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write("[");
        boolean[] first = {true};
        snapshot(connection -> log.streamPeriod(connection, from, to, entry -> {
            try {
                for (var record : LogboekRecord.all(entry, version)) { // a feed page or push entry: one record per item
                    writer.write(first[0] ? "\n" : ",\n");
                    first[0] = false;
                    writer.write(json.writeValueAsString(record));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        writer.write("\n]\n");
        writer.flush();
    }

    /** The verification export ({@link ChainExport}): checkpoints, then every entry from the first. */
    void chain(OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ChainExport.LineWriter lines = new ChainExport.LineWriter(writer).header();
        snapshot(connection -> {
            new JdbcCheckpoints().all(connection).forEach(lines::checkpoint);
            return log.stream(connection, 1, Long.MAX_VALUE, lines::entry);
        });
        writer.flush();
    }

    /** The same as {@link #chain}, in the binary form ({@link BinaryChainExport}): the verifier's fast path. */
    void chainBinary(OutputStream out) throws IOException {
        java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
        BinaryChainExport.Writer writer = new BinaryChainExport.Writer(buffered).header();
        snapshot(connection -> {
            new JdbcCheckpoints().all(connection).forEach(writer::checkpoint);
            return log.stream(connection, 1, Long.MAX_VALUE, writer::entry);
        });
        writer.flush();
    }

    private void snapshot(Work work) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                work.run(connection);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("the audit log could not be read", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private interface Work {
        long run(Connection connection) throws SQLException;
    }
}
