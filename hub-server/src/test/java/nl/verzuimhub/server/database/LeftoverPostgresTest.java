package nl.verzuimhub.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub killed with SIGKILL leaves its PostgreSQL running on the data directory. The next start must stop that
 * leftover and come up on the same data, with nothing lost. The killed hub is a real second JVM, killed for real.
 */
class LeftoverPostgresTest {

    /** Stands in for a hub: starts the embedded PostgreSQL on a data directory, writes a row, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]).toFile())
                .setCleanDataDirectory(false).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (value text); insert into kept values ('still here')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void aPostgresLeftRunningByAKilledHubIsStoppedAndTheDataSurvives(@TempDir Path dataDir) throws Exception {
        Process hub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeftoverPostgresTest.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("READY")) {
                // skip the child's start-up logging
            }
            assertThat(line).as("the first hub's database came up").isEqualTo("READY");
        }
        hub.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(dataDir.resolve("postmaster.pid")).as("the killed hub's PostgreSQL is still running").exists();

        LeftoverPostgres.stopIfRunning(dataDir);

        try (EmbeddedPostgres restarted = EmbeddedPostgres.builder().setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false).start();
             Connection c = restarted.getPostgresDatabase().getConnection();
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select value from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void nothingHappensWhenNoServerRunsOnTheDirectory(@TempDir Path dataDir) {
        LeftoverPostgres.stopIfRunning(dataDir);
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }
}
