package nl.verzuimhub.server.dashboard;

import java.time.Instant;
import java.util.Optional;
import nl.verzuimhub.dpia.VerificationResult;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.Checkpoint;

/**
 * The audit chain as the dashboard shows it: the verifier's verdict over the whole log and the last signed
 * checkpoint ({@code checkpointsAvailable} false while the audit schema has no checkpoint table).
 */
public record ChainStatus(VerificationResult verification, Instant verifiedAt, Optional<Checkpoint> lastCheckpoint,
                          boolean checkpointsAvailable) {
}
