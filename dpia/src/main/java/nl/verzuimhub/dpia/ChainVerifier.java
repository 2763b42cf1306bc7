package nl.verzuimhub.dpia;

import java.util.Arrays;

/**
 * Recomputes the chain entry by entry, trusting nothing it is given: ids must run 1, 2, 3... without gaps, each
 * entry's previous hash must be the hash computed for the one before, and each stored hash must be what the entry's
 * content hashes to. Feed entries in id order, then call {@link #finish} with the expected head.
 */
public final class ChainVerifier {
    private long expectedId = 1;
    private byte[] runningHash = AuditChain.GENESIS;
    private VerificationResult failure;

    /** Checks the next entry; returns false once the chain is broken (later entries are then ignored). */
    public boolean accept(AuditEntry entry) {
        if (failure != null) {
            return false;
        }
        long read = expectedId - 1;
        if (entry.id() != expectedId) {
            failure = VerificationResult.broken(read, expectedId,
                    "expected entry " + expectedId + " but found " + entry.id());
            return false;
        }
        if (!Arrays.equals(entry.previousHash(), runningHash)) {
            failure = VerificationResult.broken(read + 1, entry.id(), "previous hash does not match the chain");
            return false;
        }
        byte[] computed = AuditChain.hash(runningHash, entry.id(), entry.event());
        if (!Arrays.equals(computed, entry.hash())) {
            failure = VerificationResult.broken(read + 1, entry.id(), "content does not match its hash");
            return false;
        }
        runningHash = computed;
        expectedId++;
        return true;
    }

    /**
     * The verdict. {@code headId} and {@code headHash} are the last entry the log says it wrote (its chain head);
     * an entry missing at the tail shows as a head beyond the last entry read.
     */
    public VerificationResult finish(long headId, byte[] headHash) {
        if (failure != null) {
            return failure;
        }
        long read = expectedId - 1;
        if (headId != read) {
            return VerificationResult.broken(read, read + 1,
                    "the chain head names entry " + headId + " but the log ends at " + read);
        }
        if (!Arrays.equals(headHash, runningHash)) {
            return VerificationResult.broken(read, read, "the chain head hash does not match the last entry");
        }
        return VerificationResult.ok(read);
    }
}
