package nl.verzuimhub.bench.load;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Pushed items' latency from the register page whose ingest created them. Most items are created by the page that
 * carried their record version. Some are created later: when a pupil moves or changes school, the hub re-decides the
 * records it holds for them, and a new recipient then gets a record version that an earlier page carried. Measured
 * from that earlier page, such an item seems to wait for as long as the ingest ran between the two pages.
 *
 * <p>Which page created an item follows from its sequence (the hub's delivery id). The hub ingests one page at a time
 * and delivery ids only grow, so each page's deliveries take a block of ids above those of earlier pages. A page's
 * lowest received sequence among the items of the record versions it carried marks the start of its block (as seen by
 * the receiver; an item is never created before the page that carried its version). An item belongs to the last page
 * whose block starts at or below its sequence, and never to a page before the one that carried its version. Where a
 * page's first pushed item comes after some of its block, the earlier page is taken: the latency is then an upper
 * bound, never flattered.
 *
 * <p>Thread-safe adds; {@link #summary} once everything has been received.
 */
final class PushLatency {
    private long[] sequences = new long[1 << 16];
    private int[] versionPages = new int[1 << 16];
    private long[] receivedNanos = new long[1 << 16];
    private int size;

    /** One received item: its sequence, the page that carried its record version, and when it arrived. */
    synchronized void add(long sequence, int versionPage, long received) {
        if (size == sequences.length) {
            sequences = Arrays.copyOf(sequences, size * 2);
            versionPages = Arrays.copyOf(versionPages, size * 2);
            receivedNanos = Arrays.copyOf(receivedNanos, size * 2);
        }
        sequences[size] = sequence;
        versionPages[size] = versionPage;
        receivedNanos[size] = received;
        size++;
    }

    /**
     * The latencies, given when each page was served ({@code pageServedNanos[page]}).
     *
     * @return all items from the page that created them, and the items created by a later page than the one carrying
     *         their version (re-decisions), with their latency as it would read from that earlier page
     */
    synchronized Summary summary(long[] pageServedNanos) {
        long[] blockStart = new long[pageServedNanos.length];
        Arrays.fill(blockStart, Long.MAX_VALUE);
        for (int i = 0; i < size; i++) {
            blockStart[versionPages[i]] = Math.min(blockStart[versionPages[i]], sequences[i]);
        }
        int[] pagesWithItems = IntStream.range(0, blockStart.length)
                .filter(page -> blockStart[page] != Long.MAX_VALUE).toArray();
        long highest = Long.MIN_VALUE;
        for (int page : pagesWithItems) { // blocks grow with the page; should one not, raise it (an earlier page wins)
            highest = Math.max(highest, blockStart[page]);
            blockStart[page] = highest;
        }
        Latencies fromCreatingPage = new Latencies();
        Latencies redecidedFromVersionPage = new Latencies();
        for (int i = 0; i < size; i++) {
            int creatingPage = Math.max(versionPages[i], lastPageStartingAtOrBelow(pagesWithItems, blockStart,
                    sequences[i]));
            fromCreatingPage.add((receivedNanos[i] - pageServedNanos[creatingPage]) / 1000);
            if (creatingPage > versionPages[i]) {
                redecidedFromVersionPage.add((receivedNanos[i] - pageServedNanos[versionPages[i]]) / 1000);
            }
        }
        return new Summary(fromCreatingPage, redecidedFromVersionPage);
    }

    /** The last page (in page order) whose block starts at or below {@code sequence}; -1 for none. */
    private static int lastPageStartingAtOrBelow(int[] pages, long[] blockStart, long sequence) {
        int found = -1;
        int low = 0;
        int high = pages.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (blockStart[pages[middle]] <= sequence) {
                found = pages[middle];
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    record Summary(Latencies fromCreatingPage, Latencies redecidedFromVersionPage) {
    }
}
