package nl.verzuimhub.server.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.verzuimhub.dpia.VerificationResult;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository;
import org.springframework.stereotype.Service;

/**
 * The chain status for the dashboard. Verifying recomputes every hash, so a result is reused for
 * {@link #REUSE} (the page says when it was verified); the checkpoint is read fresh each time.
 */
@Service
class ChainStatusService {
    static final Duration REUSE = Duration.ofSeconds(30);

    private final AuditLog auditLog;
    private final AuditReadRepository repository;
    private final Clock clock;
    private volatile VerificationResult last;
    private volatile Instant verifiedAt = Instant.MIN;

    ChainStatusService(AuditLog auditLog, AuditReadRepository repository, Clock clock) {
        this.auditLog = auditLog;
        this.repository = repository;
        this.clock = clock;
    }

    synchronized ChainStatus status() {
        Instant now = clock.instant();
        if (last == null || verifiedAt.plus(REUSE).isBefore(now)) {
            last = auditLog.verify();
            verifiedAt = now;
        }
        return new ChainStatus(last, verifiedAt, repository.lastCheckpoint(), repository.checkpointsAvailable());
    }
}
