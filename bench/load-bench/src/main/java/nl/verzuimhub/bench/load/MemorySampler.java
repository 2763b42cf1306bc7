package nl.verzuimhub.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap and peak RSS of the hub JVM: heap from {@code jstat -gc <pid> 250} (used survivor + eden + old, sampled
 * every 250 ms, so a peak between samples can be missed), RSS from the kernel's own high-water mark ({@code VmHWM}
 * in {@code /proc/<pid>/status}, exact; the JVM only, not its PostgreSQL child).
 */
final class MemorySampler implements AutoCloseable {
    private final long pid;
    private final Process jstat;
    private final AtomicLong peakHeapKb = new AtomicLong();

    MemorySampler(long pid) throws IOException {
        this.pid = pid;
        Path jstatBinary = Path.of(System.getProperty("java.home"), "bin", "jstat");
        jstat = new ProcessBuilder(jstatBinary.toString(), "-gc", Long.toString(pid), "250").redirectErrorStream(true)
                .start();
        Thread reader = new Thread(this::read, "jstat");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length < 8 || !Character.isDigit(columns[0].charAt(0))) {
                    continue;
                }
                // S0C S1C S0U S1U EC EU OC OU ...
                double used = Double.parseDouble(columns[2]) + Double.parseDouble(columns[3])
                        + Double.parseDouble(columns[5]) + Double.parseDouble(columns[7]);
                peakHeapKb.accumulateAndGet((long) used, Math::max);
            }
        } catch (IOException | RuntimeException ignored) {
            // the hub stopped
        }
    }

    double peakHeapMb() {
        return peakHeapKb.get() / 1024.0;
    }

    /** The JVM's peak resident set (VmHWM) in MB; NaN when the process is gone. */
    double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException ignored) {
            // gone
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
