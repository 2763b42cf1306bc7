package nl.verzuimhub.bench.audit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * CPU time used by this JVM plus the embedded PostgreSQL (postmaster and its processes): on a machine shared with
 * other builds, entries per CPU-second says what the code costs, where entries per wall-second says what it got.
 */
final class CpuClock {
    private final ProcessHandle postmaster;

    CpuClock(DataSource db) throws SQLException, IOException {
        String dataDirectory;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var row = s.executeQuery("show data_directory")) {
            row.next();
            dataDirectory = row.getString(1);
        }
        long pid = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim());
        postmaster = ProcessHandle.of(pid).orElseThrow();
    }

    /** Nanoseconds of CPU used so far by this JVM alone (the verifier's measure: it needs no database). */
    long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Nanoseconds of CPU used so far by the JVM and the database: the postmaster and its processes alive now, plus
     * those that have exited (an autovacuum worker, an index build's worker). Without the exited ones a process ending
     * between two readings took its CPU out of the sum, and one run printed a negative figure.
     */
    long nanos() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long database = Stream.concat(Stream.of(postmaster), postmaster.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
        return jvm + database + exitedChildrenNanos();
    }

    /** The postmaster's {@code cutime + cstime} in {@code /proc} (Linux; ticks of 10 ms): its exited children. */
    private long exitedChildrenNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(postmaster.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields[0] is field 3, the state
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L; // fields 16 and 17
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
