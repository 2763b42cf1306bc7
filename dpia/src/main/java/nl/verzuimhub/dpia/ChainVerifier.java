package nl.verzuimhub.dpia;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Recomputes the chain entry by entry, trusting nothing it is given: ids must run 1, 2, 3... without gaps, each
 * entry's previous hash must be the hash computed for the one before, and each stored hash must be what the entry's
 * content hashes to. Feed entries in id order, then call {@link #finish}.
 *
 * <p>With checkpoints (whose signatures the caller has already checked, see {@link Checkpoint#verify}), the
 * recomputed hash at each checkpoint's entry must equal the signed hash, and the log must reach the last checkpoint:
 * so a rewritten-and-rechained log, or a log cut short, fails even when it is consistent in itself.
 */
public final class ChainVerifier {
    private final List<Checkpoint> checkpoints;
    private int nextCheckpoint;
    private long lastMatchedCheckpointEntry;
    private long expectedId = 1;
    private byte[] runningHash = AuditChain.GENESIS;
    private VerificationResult failure;
    private int checkpointsMatched;

    public ChainVerifier() {
        this(List.of());
    }

    /** @param trustedCheckpoints checkpoints with verified signatures, in any order */
    public ChainVerifier(List<Checkpoint> trustedCheckpoints) {
        this.checkpoints = trustedCheckpoints.stream().sorted(Comparator.comparingLong(Checkpoint::lastEntryId)).toList();
    }

    /** Checks the next entry; returns false once the chain is broken (later entries are then ignored). */
    public boolean accept(AuditEntry entry) {
        if (failure != null) {
            return false;
        }
        return accept(entry.id(), entry.previousHash(), entry.hash(),
                AuditChain.canonical(entry.format(), entry.id(), entry.event()));
    }

    /**
     * Checks the next entry given as its canonical form (as an export holds it); the id inside the canonical form
     * must be the entry's id.
     */
    public boolean accept(long id, byte[] previousHash, byte[] hash, byte[] canonical) {
        if (failure != null) {
            return false;
        }
        long read = expectedId - 1;
        if (id != expectedId) {
            return fail(read, expectedId, "expected entry " + expectedId + " but found " + id);
        }
        if (canonical.length < 9 || ByteBuffer.wrap(canonical, 1, 8).getLong() != id) {
            return fail(read, id, "the entry's content names another id");
        }
        if (!Arrays.equals(previousHash, runningHash)) {
            return fail(read, id, "previous hash does not match the chain");
        }
        byte[] computed = AuditChain.hashCanonical(runningHash, canonical);
        if (!Arrays.equals(computed, hash)) {
            return fail(read, id, "content does not match its hash");
        }
        runningHash = computed;
        expectedId++;
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).lastEntryId() == id) {
            Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
            if (!Arrays.equals(checkpoint.lastHash(), computed)) {
                return fail(id, lastMatchedCheckpointEntry + 1, "the entries up to " + id + " differ from the"
                        + " checkpoint signed at " + checkpoint.signedAt() + " (hash "
                        + HexFormat.of().formatHex(checkpoint.lastHash()) + ")");
            }
            lastMatchedCheckpointEntry = id;
            checkpointsMatched++;
        }
        return true;
    }

    /** How many checkpoints the entries read so far matched. */
    public int checkpointsMatched() {
        return checkpointsMatched;
    }

    /** The verdict against the signed checkpoints only (the hub's own chain head is not consulted). */
    public VerificationResult finish() {
        if (failure != null) {
            return failure;
        }
        long read = expectedId - 1;
        if (nextCheckpoint < checkpoints.size()) {
            Checkpoint missing = checkpoints.get(nextCheckpoint);
            return VerificationResult.broken(read, read + 1, "the log ends at entry " + read
                    + " but a checkpoint signed at " + missing.signedAt() + " covers entries up to "
                    + missing.lastEntryId());
        }
        return VerificationResult.ok(read);
    }

    /**
     * The verdict. {@code headId} and {@code headHash} are the last entry the log says it wrote (its chain head);
     * an entry missing at the tail shows as a head beyond the last entry read.
     */
    public VerificationResult finish(long headId, byte[] headHash) {
        VerificationResult anchored = finish();
        if (!anchored.valid()) {
            return anchored;
        }
        long read = expectedId - 1;
        if (headId != read) {
            return VerificationResult.broken(read, read + 1,
                    "the chain head names entry " + headId + " but the log ends at " + read);
        }
        if (!Arrays.equals(headHash, runningHash)) {
            return VerificationResult.broken(read, read, "the chain head hash does not match the last entry");
        }
        return anchored;
    }

    private boolean fail(long entries, long firstInvalid, String problem) {
        failure = VerificationResult.broken(entries, firstInvalid, problem);
        return false;
    }
}
