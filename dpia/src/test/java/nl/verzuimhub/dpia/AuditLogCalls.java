package nl.verzuimhub.dpia;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** The audit log's read calls on a fresh connection each, as the tests of this package make them. */
final class AuditLogCalls {
    private AuditLogCalls() {
    }

    static List<AuditEntry> find(DataSource dataSource, JdbcAuditLog log, AuditQuery query) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return log.find(c, query);
        }
    }

    /** Verifies the whole chain inside a transaction of its own (the verifier reads the head with a lock). */
    static VerificationResult verify(DataSource dataSource, JdbcAuditLog log) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            return log.verify(c);
        }
    }
}
