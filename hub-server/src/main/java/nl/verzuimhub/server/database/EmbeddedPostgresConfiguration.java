package nl.verzuimhub.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL inside the hub's process tree and points the DataSource at it, so that the run command
 * needs no database setup. Off when an external database is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresCondition.class)
class EmbeddedPostgresConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        // The embedded server's defaults favour speed over durability; the audit log's promise ("committed before
        // anything leaves") needs a commit to be on disk when it returns.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on");
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

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("hub");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
