package nl.verzuimhub.server.database;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.verzuimhub.dpia.AuditServerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that the hub starts when no external database is configured.
 *
 * @param enabled  false to never start it (it is also off whenever {@code spring.datasource.url} is set)
 * @param dataDir  where the database files live, kept between runs; empty for a throw-away database (tests)
 * @param settings server settings that replace or add to {@link AuditServerSettings} (e.g. {@code shared-buffers:
 *                 4GB} on a machine with the memory for a national year); a name may be written with hyphens or
 *                 underscores
 */
@ConfigurationProperties("hub.embedded-postgres")
public record EmbeddedPostgresProperties(Boolean enabled, String dataDir, Map<String, String> settings) {
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z][a-z0-9_.]*");

    public EmbeddedPostgresProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /**
     * The settings the server starts with: {@link AuditServerSettings}, then {@link #settings} over them.
     *
     * @throws IllegalArgumentException for a name that is not a PostgreSQL setting's form, or an empty value
     */
    public Map<String, String> serverSettings() {
        Map<String, String> server = new LinkedHashMap<>(AuditServerSettings.SETTINGS);
        settings.forEach((name, value) -> {
            String setting = name.replace('-', '_').toLowerCase(Locale.ROOT);
            if (!SETTING_NAME.matcher(setting).matches() || value == null || value.isBlank()) {
                throw new IllegalArgumentException("hub.embedded-postgres.settings: '" + name + "' = '" + value
                        + "' is not a PostgreSQL setting (name: letters, digits, '_', '-' or '.'; value: not empty)");
            }
            server.put(setting, value.trim());
        });
        return server;
    }
}
