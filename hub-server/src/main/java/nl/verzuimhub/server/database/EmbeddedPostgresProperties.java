package nl.verzuimhub.server.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that the hub starts when no external database is configured.
 *
 * @param enabled  false to never start it (it is also off whenever {@code spring.datasource.url} is set)
 * @param dataDir  where the database files live, kept between runs; empty for a throw-away database (tests)
 */
@ConfigurationProperties("hub.embedded-postgres")
public record EmbeddedPostgresProperties(Boolean enabled, String dataDir) {
}
