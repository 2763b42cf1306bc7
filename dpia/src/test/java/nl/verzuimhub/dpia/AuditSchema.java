package nl.verzuimhub.dpia;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** Installs the dpia module's migrations on a clean schema, as Flyway would (tests only). */
final class AuditSchema {
    private static final Path DIRECTORY = Path.of("src/main/resources/db/migration");
    /** Every migration of the module in version order, as Flyway finds them: a new one needs no edit here. */
    static final String[] MIGRATIONS = migrations();

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
                s.execute(Files.readString(DIRECTORY.resolve(migration)));
            }
        }
    }

    private static String[] migrations() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))))
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void install(DataSource dataSource) throws Exception {
        reset(dataSource);
        migrate(dataSource, MIGRATIONS);
    }
}
