package nl.verzuimhub.bench.load;

import java.util.Arrays;

/** Latency samples in microseconds (thread-safe adds); percentiles by sorting a copy. */
final class Latencies {
    private long[] samples = new long[1 << 16];
    private int size;

    synchronized void add(long micros) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    /** The q-quantile (0..1) in milliseconds, nearest rank; NaN when empty. */
    synchronized double millis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1000.0;
    }
}
