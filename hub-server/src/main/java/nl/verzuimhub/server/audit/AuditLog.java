package nl.verzuimhub.server.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import nl.verzuimhub.dpia.AuditEntry;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditQuery;
import nl.verzuimhub.dpia.JdbcAuditLog;
import nl.verzuimhub.dpia.VerificationResult;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dpia module's audit log inside the server's transactions.
 *
 * <p>Contract: {@link #append} joins the caller's transaction when there is one (so a disclosure and its entries
 * commit together, or not at all) and otherwise commits on its own before returning. A failure to write throws, and
 * the caller must then not disclose.
 */
@Component
public class AuditLog {
    private final DataSource dataSource;
    private final JdbcAuditLog log = new JdbcAuditLog();

    AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public List<AuditEntry> append(List<AuditEvent> events) {
        return withConnection(connection -> log.append(connection, events));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditQuery query) {
        return withConnection(connection -> log.find(connection, query));
    }

    @Transactional(readOnly = true)
    public VerificationResult verify() {
        return withConnection(log::verify);
    }

    private <T> T withConnection(SqlWork<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new AuditUnavailableException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
