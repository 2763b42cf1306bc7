package nl.verzuimhub.simulator;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import nl.verzuimhub.core.record.Mutation;

/**
 * Serves a fixed list of mutations the way the national register serves its change feed
 * ({@code GET /v1/mutaties?vanaf=..&max=..}, see the register interface's README).
 *
 * <p>Contracts: a page holds the mutations whose sequence is at least {@code vanaf}, in feed order, at most
 * {@code max}; {@code VolgendVolgnummer} is the last returned sequence + 1, or {@code vanaf} when the page is empty;
 * {@code Meer} is true exactly when mutations remain after the page. Following {@code VolgendVolgnummer} from 0 while
 * {@code Meer} is true therefore returns every mutation exactly once. Pages are valid against register-v1.xsd (see
 * {@link MutatieBatchWriter}); the same request gives the same bytes except for {@code aangemaakt}, which comes from
 * the clock. Immutable and thread-safe.
 */
public final class RegisterSimulator {
    private final List<Mutation> mutations;
    private final long[] sequences;
    private final MutatieBatchWriter writer;

    /**
     * @param mutations the feed, in strictly increasing sequence order (copied)
     * @param clock     the source of each page's {@code aangemaakt} time and zone
     * @throws IllegalArgumentException when the sequences do not strictly increase
     */
    public RegisterSimulator(List<Mutation> mutations, Clock clock) {
        this.mutations = List.copyOf(mutations);
        this.sequences = this.mutations.stream().mapToLong(Mutation::sequence).toArray();
        for (int i = 1; i < sequences.length; i++) {
            if (sequences[i] <= sequences[i - 1]) {
                throw new IllegalArgumentException("mutation sequences must strictly increase (at index " + i + ")");
            }
        }
        this.writer = new MutatieBatchWriter(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Answers GET /v1/mutaties?vanaf=..&amp;max=..: the MutatieBatch XML (UTF-8) with the mutations whose sequence
     * &gt;= vanaf, at most max, VolgendVolgnummer = last returned sequence + 1 (or vanaf when empty), Meer = whether
     * more remain.
     *
     * @param vanaf the first sequence number wanted, 0 or more
     * @param max   the page size, 1 to 1000
     * @throws IllegalArgumentException when {@code max} is outside 1..1000 or {@code vanaf} is negative (the real
     *                                  register answers 400 to both)
     */
    public byte[] page(long vanaf, int max) {
        if (max < 1 || max > MutatieBatchWriter.MAX_MUTATIONS) {
            throw new IllegalArgumentException("max must be 1.." + MutatieBatchWriter.MAX_MUTATIONS + ", was " + max);
        }
        if (vanaf < 0) {
            throw new IllegalArgumentException("vanaf must not be negative, was " + vanaf);
        }
        int found = Arrays.binarySearch(sequences, vanaf);
        int from = found >= 0 ? found : -found - 1;
        int to = (int) Math.min((long) from + max, sequences.length);
        List<Mutation> page = mutations.subList(from, to);
        long next = page.isEmpty() ? vanaf : sequences[to - 1] + 1;
        return writer.write(page, next, to < sequences.length);
    }
}
