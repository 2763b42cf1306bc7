package nl.verzuimhub.server.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub that was killed (SIGKILL) leaves its embedded PostgreSQL running on the data directory, and the next start
 * would fail. Before starting, this stops such a leftover server: the data directory belongs to this hub alone.
 */
final class LeftoverPostgres {
    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

    private LeftoverPostgres() {
    }

    static void stopIfRunning(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(LeftoverPostgres::isPostgres);
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle postgres = leftover.get();
        log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier hub", postgres.pid(), dataDir);
        postgres.destroy();
        if (!waitForExit(postgres, Duration.ofSeconds(15))) {
            postgres.destroyForcibly();
            waitForExit(postgres, Duration.ofSeconds(5));
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.contains("postgres")).orElse(false);
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
