package nl.verzuimhub.dpia;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/** Installs the dpia module's migrations on a clean schema, as Flyway would (tests only). */
final class AuditSchema {
    static final String[] MIGRATIONS = {"V3__audit_log.sql", "V40__audit_entry_v2_partitioned.sql",
            "V41__audit_checkpoint.sql", "V44__audit_entry_index_tuning.sql", "V45__audit_subject_hash_index.sql",
            "V91__audit_entry_items.sql", "V93__audit_items_uncompressed.sql", "V95__audit_item_subject_keys.sql"};

    private AuditSchema() {
    }

    static void reset(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop schema public cascade; create schema public");
        }
    }

    static void migrate(DataSource dataSource, String... migrations) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String migration : migrations) {
                s.execute(Files.readString(Path.of("src/main/resources/db/migration", migration)));
            }
        }
    }

    static void install(DataSource dataSource) throws Exception {
        reset(dataSource);
        migrate(dataSource, MIGRATIONS);
    }
}
