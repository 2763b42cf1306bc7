package nl.verzuimhub.dpia;

/**
 * The outcome of recomputing the chain.
 *
 * @param entries      how many entries were read
 * @param firstInvalid id of the first entry that does not verify (changed, missing before it, out of order, or
 *                     missing at the tail), or null when the whole chain verifies
 * @param problem      what was wrong with it, or null
 */
public record VerificationResult(boolean valid, long entries, Long firstInvalid, String problem) {
    static VerificationResult ok(long entries) {
        return new VerificationResult(true, entries, null, null);
    }

    static VerificationResult broken(long entries, long firstInvalid, String problem) {
        return new VerificationResult(false, entries, firstInvalid, problem);
    }
}
