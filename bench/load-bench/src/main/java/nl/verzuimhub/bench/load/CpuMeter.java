package nl.verzuimhub.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time used so far by the three parties of a load run, read from {@code /proc} (Linux only): the hub JVM, its
 * embedded PostgreSQL (the postmaster, its live backends and, through the postmaster's {@code cutime}/{@code cstime},
 * the backends that have exited) and this harness (register, receiver and feed clients). The difference of two
 * {@link Snapshot}s says where a phase's CPU went, so a rate can be read as CPU milliseconds per page or mutation.
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux the harness runs on
    private final long hubPid;
    private final String dataDir;

    /** CPU seconds (user + system) of each party at one moment. */
    record Snapshot(double hub, double postgres, double harness) {
        Snapshot minus(Snapshot earlier) {
            return new Snapshot(hub - earlier.hub, postgres - earlier.postgres, harness - earlier.harness);
        }

        double total() {
            return hub + postgres + harness;
        }

        /** For the report: the seconds of each party and, per unit of work, the milliseconds of each. */
        String describe(long units, String unit) {
            return String.format("CPU %.1f s (hub %.1f, PostgreSQL %.1f, harness %.1f) = %.2f ms per %s (hub %.2f, "
                            + "PostgreSQL %.2f, harness %.2f)", total(), hub, postgres, harness,
                    1000 * total() / units, unit, 1000 * hub / units, 1000 * postgres / units, 1000 * harness / units);
        }
    }

    CpuMeter(long hubPid, Path dataDir) {
        this.hubPid = hubPid;
        this.dataDir = dataDir.toAbsolutePath().toString();
    }

    Snapshot snapshot() {
        long postmaster = postmasterPid();
        double postgres = 0;
        if (postmaster > 0) {
            postgres = ticks(postmaster, true);
            for (long child : childrenOf(postmaster)) {
                postgres += ticks(child, false);
            }
        }
        return new Snapshot(ticks(hubPid, false) / TICKS_PER_SECOND, postgres / TICKS_PER_SECOND,
                ticks(ProcessHandle.current().pid(), false) / TICKS_PER_SECOND);
    }

    /** The process started as {@code postgres -D <data dir>}: the postmaster of the hub's embedded server. */
    private long postmasterPid() {
        for (Path process : processes()) {
            try {
                String commandLine = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                if (commandLine.contains("postgres") && commandLine.contains("-D " + dataDir)) {
                    return Long.parseLong(process.getFileName().toString());
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended while we looked
            }
        }
        return -1;
    }

    private static List<Long> childrenOf(long parent) {
        List<Long> children = new ArrayList<>();
        for (Path process : processes()) {
            String[] fields = statFields(Long.parseLong(process.getFileName().toString()));
            if (fields != null && Long.parseLong(fields[1]) == parent) {
                children.add(Long.parseLong(process.getFileName().toString()));
            }
        }
        return children;
    }

    private static List<Path> processes() {
        List<Path> processes = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            entries.forEach(processes::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return processes;
    }

    /** utime + stime (+ cutime + cstime: children waited for) in clock ticks; 0 for a process that is gone. */
    private static double ticks(long pid, boolean withWaitedChildren) {
        String[] fields = statFields(pid);
        if (fields == null) {
            return 0;
        }
        // After the command name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
        double ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withWaitedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name, or null when the process is gone. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
