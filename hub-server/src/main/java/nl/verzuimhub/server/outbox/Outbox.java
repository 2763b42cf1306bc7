package nl.verzuimhub.server.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's entrance. Contract: {@link #queue} runs inside the caller's transaction (it refuses to run without
 * one), so a delivery row, its push task and its "push queued" audit entry commit together or not at all. Rows of
 * recipients without push are left to the pull feed.
 */
@Component
public class Outbox {
    private final JdbcTemplate jdbc;
    private final PushConnectors connectors;
    private final RecipientDirectory directory;
    private final AuditLog auditLog;

    Outbox(JdbcTemplate jdbc, PushConnectors connectors, RecipientDirectory directory, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.connectors = connectors;
        this.directory = directory;
        this.auditLog = auditLog;
    }

    /** Queues for push the delivery rows just written with these decision ids. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(Collection<String> decisionIds, Instant now) {
        if (decisionIds.isEmpty() || connectors.recipients().isEmpty()) {
            return;
        }
        List<OutboxDelivery> rows = jdbc.query("select " + OutboxDelivery.COLUMNS + " from delivery d"
                        + " where d.decision_id = any(?) and d.recipient_id = any(?) order by d.id",
                OutboxDelivery.MAPPER, decisionIds.toArray(String[]::new),
                connectors.recipients().toArray(String[]::new));
        if (rows.isEmpty()) {
            return;
        }
        Timestamp createdAt = Timestamp.from(now);
        jdbc.batchUpdate("insert into outbox_task (delivery_id, recipient_id, created_at) values (?, ?, ?)", rows,
                rows.size(), (statement, row) -> {
                    statement.setLong(1, row.id());
                    statement.setString(2, row.recipientId());
                    statement.setTimestamp(3, createdAt);
                });
        rows.stream().map(OutboxDelivery::recipientId).distinct().forEach(recipientId -> jdbc.update(
                "insert into outbox_lane (recipient_id) values (?) on conflict do nothing", recipientId));
        auditLog.append(rows.stream().map(row -> PushAudit.queued(recipient(row.recipientId()), row,
                connectors.forRecipient(row.recipientId()).orElseThrow().id(), now)).toList());
    }

    private Recipient recipient(String clientId) {
        return directory.find(clientId).orElseThrow(() -> new IllegalStateException("unknown recipient " + clientId));
    }
}
