package nl.verzuimhub.server.audit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Runs plain-JDBC audit work on the connection of the current Spring transaction (or a fresh one outside it).
 *
 * <p>Contract: any {@link SQLException} becomes {@link AuditUnavailableException}, so a caller that must not
 * disclose without a committed entry gets one kind of failure to refuse on; the connection is always released.
 */
final class AuditConnections {
    private AuditConnections() {
    }

    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    static <T> T withConnection(DataSource dataSource, SqlWork<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new AuditUnavailableException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
