package nl.verzuimhub.server.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox's entrance. Contract: {@link #queue} runs inside the caller's transaction (it refuses to run without
 * one), so a delivery row, its push task and its "push queued" audit evidence (the row as an item of a queued
 * entry, {@link PushAudit}) commit together or not at all. Rows of recipients without push are left to the pull feed.
 *
 * <p>The tasks and audit entries of all {@code queue} calls of one transaction are written together, once, just before
 * that transaction commits (a register page of 1,000 mutations is one query, one batch insert and one audit append
 * instead of a thousand of each; its audit entries are one per recipient, purpose and legal basis, carrying the rows as
 * items, with the time of the transaction's last {@code queue} call). They are still written inside the transaction: if
 * writing them fails, the transaction rolls back with the delivery rows, and nothing can be pushed before they are
 * committed. After the commit, {@link OutboxSignal} wakes this instance's dispatcher, so a push does not wait for the
 * next poll.
 */
@Component
public class Outbox {
    private final JdbcTemplate jdbc;
    private final PushConnectors connectors;
    private final RecipientDirectory directory;
    private final AuditLog auditLog;
    private final OutboxSignal signal;

    Outbox(JdbcTemplate jdbc, PushConnectors connectors, RecipientDirectory directory, AuditLog auditLog,
           OutboxSignal signal) {
        this.jdbc = jdbc;
        this.connectors = connectors;
        this.directory = directory;
        this.auditLog = auditLog;
        this.signal = signal;
    }

    /** Queues for push the delivery rows just written with these ids (written before the commit). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(Collection<Long> deliveryIds, Instant now) {
        if (deliveryIds.isEmpty() || connectors.recipients().isEmpty()) {
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        for (Long deliveryId : deliveryIds) {
            pending.queued.put(deliveryId, now);
        }
    }

    /** The delivery ids queued in the current transaction, in order, with the time each was queued. */
    private final class Pending implements TransactionSynchronization {
        private final Map<Long, Instant> queued = new LinkedHashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            write(queued);
            queued.clear();
        }

        @Override
        public void afterCommit() {
            signal.tasksCommitted();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
        }
    }

    private void write(Map<Long, Instant> queued) {
        if (queued.isEmpty()) {
            return;
        }
        List<OutboxDelivery> rows = jdbc.query("select " + OutboxDelivery.COLUMNS + " from delivery d"
                        + " where d.id = any(?) and d.recipient_id = any(?) order by d.id",
                OutboxDelivery.MAPPER, queued.keySet().toArray(Long[]::new),
                connectors.recipients().toArray(String[]::new));
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update("insert into outbox_task (delivery_id, recipient_id, created_at)"
                        + " select * from unnest(?::bigint[], ?::text[], ?::timestamptz[])",
                rows.stream().map(OutboxDelivery::id).toArray(Long[]::new),
                rows.stream().map(OutboxDelivery::recipientId).toArray(String[]::new),
                // cut to the microsecond as PostgreSQL stores it, and as the delivery row's COPY writes it
                rows.stream().map(row -> queued.get(row.id()).truncatedTo(ChronoUnit.MICROS).toString())
                        .toArray(String[]::new));
        jdbc.update("insert into outbox_lane (recipient_id) select distinct unnest(?::text[]) on conflict do nothing",
                (Object) rows.stream().map(OutboxDelivery::recipientId).distinct().toArray(String[]::new));
        Instant lastQueued = rows.stream().map(row -> queued.get(row.id())).max(Instant::compareTo).orElseThrow();
        auditLog.append(PushAudit.queued(rows, this::recipient,
                recipientId -> connectors.forRecipient(recipientId).orElseThrow().id(), lastQueued));
    }

    private Recipient recipient(String clientId) {
        return directory.find(clientId).orElseThrow(() -> new IllegalStateException("unknown recipient " + clientId));
    }
}
