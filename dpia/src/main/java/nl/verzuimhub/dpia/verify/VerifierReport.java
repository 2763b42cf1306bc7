package nl.verzuimhub.dpia.verify;

import java.util.List;
import nl.verzuimhub.dpia.VerificationResult;

/**
 * What the independent verifier found.
 *
 * @param chain                the chain recomputed against the trusted checkpoints (names the first bad entry)
 * @param checkpointsTrusted   checkpoints whose signature the public key confirms
 * @param rejectedCheckpoints  checkpoints with a wrong signature or another key (each one means tampering or a wrong
 *                             key, and fails the verification)
 * @param unsignedTail         entries after the last trusted checkpoint: consistent with the chain, but not yet
 *                             vouched for by a signature
 */
public record VerifierReport(VerificationResult chain, int checkpointsTrusted, List<String> rejectedCheckpoints,
                             long unsignedTail) {
    public boolean valid() {
        return chain.valid() && rejectedCheckpoints.isEmpty() && checkpointsTrusted > 0;
    }

    /** A human-readable verdict, first line OK or FAILED. */
    public String describe() {
        StringBuilder text = new StringBuilder(valid() ? "OK" : "FAILED").append('\n');
        text.append("entries verified: ").append(chain.entries()).append('\n');
        text.append("signed checkpoints trusted: ").append(checkpointsTrusted).append('\n');
        if (checkpointsTrusted == 0) {
            text.append("no checkpoint signed by the given key: the chain is only consistent in itself\n");
        }
        for (String rejected : rejectedCheckpoints) {
            text.append("rejected checkpoint: ").append(rejected).append('\n');
        }
        if (!chain.valid()) {
            text.append("first bad entry: ").append(chain.firstInvalid()).append('\n');
            text.append("problem: ").append(chain.problem()).append('\n');
        } else if (unsignedTail > 0) {
            text.append("entries after the last checkpoint (not yet signed): ").append(unsignedTail).append('\n');
        }
        return text.toString();
    }
}
