package nl.verzuimhub.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real embedded PostgreSQL with every migration of the hub applied, for tests of plain classes that need the
 * database without starting the application. Close it when done (it stops the server).
 */
public final class MigratedPostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    private MigratedPostgres(EmbeddedPostgres postgres, String target) {
        this.postgres = postgres;
        DataSource dataSource = postgres.getPostgresDatabase();
        migrate(dataSource, target);
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public static MigratedPostgres start() {
        return startAt("latest");
    }

    /** With the migrations up to {@code version} only, for a test of a later migration ({@link #migrateToLatest}). */
    public static MigratedPostgres startAt(String version) {
        try {
            return new MigratedPostgres(EmbeddedPostgres.builder().start(), version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies the migrations not applied yet. */
    public void migrateToLatest() {
        migrate(postgres.getPostgresDatabase(), "latest");
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * A new data source on the same database, with connections of its own: what a second hub instance on the same
     * PostgreSQL would have. Each call returns another one.
     */
    public DataSource newDataSource() {
        return postgres.getPostgresDatabase();
    }

    /** Transactions on the same database, as the application's transaction manager would run them. */
    public TransactionTemplate tx() {
        return tx;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
