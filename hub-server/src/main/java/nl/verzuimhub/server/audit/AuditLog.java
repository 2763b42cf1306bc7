package nl.verzuimhub.server.audit;

import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;
import nl.verzuimhub.core.recipient.Purpose;
import nl.verzuimhub.dpia.AuditEntry;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditQuery;
import nl.verzuimhub.dpia.JdbcAuditLog;
import nl.verzuimhub.dpia.TraceContext;
import nl.verzuimhub.dpia.VerificationResult;
import nl.verzuimhub.policies.PolicyEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dpia module's audit log inside the server's transactions.
 *
 * <p>Contract: {@link #append} joins the caller's transaction when there is one (so a disclosure and its entries
 * commit together, or not at all) and otherwise commits on its own before returning. A failure to write throws, and
 * the caller must then not disclose. Events without a trace get the current one ({@link AuditContext}); events of one
 * call made outside any request or job share one new trace.
 */
@Component
public class AuditLog {
    private final DataSource dataSource;
    private final ObjectProvider<PolicyEngine> engine;
    /** The policy engine (a singleton) once found; asking the bean factory per entry cost 5 % of a feed request. */
    private volatile PolicyEngine policies;
    private final JdbcAuditLog log = new JdbcAuditLog();

    AuditLog(DataSource dataSource, ObjectProvider<PolicyEngine> engine) {
        this.dataSource = dataSource;
        this.engine = engine;
    }

    /** The processing activity the live policy set names for a purpose, or null. */
    private String activityOf(String purposeId) {
        PolicyEngine found = policies;
        if (found == null) {
            found = engine.getIfAvailable();
            if (found == null) {
                return null;
            }
            policies = found;
        }
        Purpose purpose = found.policySet().purposes().get(purposeId);
        return purpose == null ? null : purpose.processingActivity();
    }

    @Transactional
    public List<AuditEntry> append(List<AuditEvent> events) {
        return appendCompleted(complete(events));
    }

    /**
     * The events as {@link #append} would store them, completed on the calling thread (its trace and its caller):
     * for writers that append them later on another thread ({@link AuditGroupCommit}).
     */
    List<AuditEvent> complete(List<AuditEvent> events) {
        TraceContext fallback = TraceContext.newTrace();
        return events.stream().map(event -> AuditContext.complete(event, fallback, this::activityOf)).toList();
    }

    /** Appends events exactly as given (already {@linkplain #complete completed}), joining the caller's transaction. */
    @Transactional
    public List<AuditEntry> appendCompleted(List<AuditEvent> completed) {
        if (completed.isEmpty()) {
            return List.of();
        }
        return withConnection(connection -> log.append(connection, completed));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditQuery query) {
        return withConnection(connection -> log.find(connection, query));
    }

    @Transactional(readOnly = true)
    public VerificationResult verify() {
        return withConnection(log::verify);
    }

    /** Streams entries with ids in [fromId, toId] in id order (inside a read-only transaction). */
    @Transactional(readOnly = true)
    public long stream(long fromId, long toId, java.util.function.Consumer<AuditEntry> sink) {
        return withConnection(connection -> log.stream(connection, fromId, toId, sink));
    }

    /** Creates the month partitions from {@code first} to {@code last} that are missing. */
    @Transactional
    public void ensurePartitions(YearMonth first, YearMonth last) {
        withConnection(connection -> {
            log.ensurePartitions(connection, first, last);
            return null;
        });
    }

    private <T> T withConnection(AuditConnections.SqlWork<T> work) {
        return AuditConnections.withConnection(dataSource, work);
    }
}
