package nl.verzuimhub.server.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.verzuimhub.dpia.Checkpoint;
import nl.verzuimhub.dpia.JdbcAuditLog;
import nl.verzuimhub.dpia.JdbcCheckpoints;
import nl.verzuimhub.server.audit.trace.TraceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the audit chain's head (last committed entry id and hash) with the checkpoint key: on demand, and on a
 * schedule ({@code hub.audit.checkpoint-interval}) whenever the head moved since the last checkpoint.
 */
@Service
public class CheckpointService {
    private static final Logger log = LoggerFactory.getLogger(CheckpointService.class);

    private final DataSource dataSource;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final JdbcAuditLog auditLog = new JdbcAuditLog();
    private final JdbcCheckpoints checkpoints = new JdbcCheckpoints();

    CheckpointService(DataSource dataSource, CheckpointSigner signer, Clock clock) {
        this.dataSource = dataSource;
        this.signer = signer;
        this.clock = clock;
    }

    /** Signs the current chain head now, even when a checkpoint already covers it. */
    @Transactional
    public Checkpoint checkpoint() {
        return withConnection(connection -> sign(connection));
    }

    /** Signs the head when it moved since the last checkpoint; returns the new checkpoint, if any. */
    @Transactional
    public Optional<Checkpoint> checkpointIfMoved() {
        return withConnection(connection -> {
            long[] head = new long[1];
            auditLog.readHead(connection, head, false);
            Optional<Checkpoint> latest = checkpoints.latest(connection);
            if (latest.isPresent() && latest.get().lastEntryId() == head[0]) {
                return Optional.empty();
            }
            return Optional.of(sign(connection));
        });
    }

    @Transactional(readOnly = true)
    public List<Checkpoint> all() {
        return withConnection(checkpoints::all);
    }

    @Scheduled(fixedDelayString = "${hub.audit.checkpoint-interval:PT5M}",
            initialDelayString = "${hub.audit.checkpoint-interval:PT5M}")
    void scheduled() {
        try (TraceScope scope = TraceScope.openNew()) {
            checkpointIfMoved().ifPresent(c -> log.info("Audit checkpoint #{} signed at entry {}", c.id(), c.lastEntryId()));
        } catch (RuntimeException e) {
            log.error("ALERT the audit checkpoint could not be signed ({})", e.getClass().getSimpleName());
        }
    }

    private Checkpoint sign(Connection connection) throws SQLException {
        long[] head = new long[1];
        byte[] hash = auditLog.readHead(connection, head, false);
        return checkpoints.store(connection, signer.sign(head[0], hash, clock.instant()), signer.publicKey());
    }

    private <T> T withConnection(AuditConnections.SqlWork<T> work) {
        return AuditConnections.withConnection(dataSource, work);
    }
}
