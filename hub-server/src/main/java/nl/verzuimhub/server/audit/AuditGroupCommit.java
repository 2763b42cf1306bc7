package nl.verzuimhub.server.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import nl.verzuimhub.dpia.AuditEntry;
import nl.verzuimhub.dpia.AuditEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for callers that disclose outside a transaction of their own (the pull feed): the entries of all
 * callers waiting at the same moment are appended in <b>one</b> transaction and one commit, instead of one each.
 * The audit chain has one writer at a time (its head row is locked until commit), so with one commit per caller the
 * callers queue behind each other's commits; grouped, one commit serves all of them.
 *
 * <p>Contract, for every caller: {@link #append} returns only after a transaction holding the caller's entries has
 * committed, and throws (with nothing committed for that group) if that transaction failed; the caller must then
 * disclose nothing. Entries are completed (trace, processing activity, acting person) on the caller's own thread
 * before they are handed over, so a group never mixes up callers. Must not be called inside a transaction whose
 * outcome the entries should share: the group runs in a transaction of its own.
 *
 * <p>How: leader and followers. A caller queues its entries; if no group is being written it becomes the leader,
 * takes everything queued (its own entries included), writes and commits it, hands each caller its entries and wakes
 * the others; a caller whose entries were written by someone else returns, one that is still queued becomes the next
 * leader. No thread of its own, nothing left behind when callers stop.
 */
@Component
public class AuditGroupCommit {
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final Object monitor = new Object();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private boolean writing;

    AuditGroupCommit(AuditLog auditLog, PlatformTransactionManager transactions) {
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static final class Request {
        final List<AuditEvent> events;
        List<AuditEntry> entries;
        RuntimeException failure;
        boolean done;

        Request(List<AuditEvent> events) {
            this.events = events;
        }
    }

    /** Appends the events and returns their entries once committed; see the class contract. */
    public List<AuditEntry> append(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Request request = new Request(auditLog.complete(events));
        List<Request> group;
        synchronized (monitor) {
            queue.add(request);
            while (!request.done && writing) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    if (queue.remove(request)) {
                        throw new IllegalStateException("interrupted before the audit entries were written");
                    }
                    // already taken by a leader: wait for its outcome without interruption
                }
            }
            if (request.done) {
                return outcome(request);
            }
            writing = true;
            group = new ArrayList<>(queue);
            queue.clear();
        }
        write(group);
        return outcome(request);
    }

    private void write(List<Request> group) {
        List<AuditEvent> all = new ArrayList<>();
        group.forEach(request -> all.addAll(request.events));
        List<AuditEntry> entries = null;
        RuntimeException failure = null;
        try {
            entries = transaction.execute(status -> auditLog.appendCompleted(all));
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("audit group commit failed", e);
        }
        synchronized (monitor) {
            int from = 0;
            for (Request request : group) {
                if (failure == null) {
                    request.entries = List.copyOf(entries.subList(from, from + request.events.size()));
                    from += request.events.size();
                } else {
                    request.failure = failure;
                }
                request.done = true;
            }
            writing = false;
            monitor.notifyAll();
        }
    }

    private static List<AuditEntry> outcome(Request request) {
        if (request.failure != null) {
            throw request.failure;
        }
        return request.entries;
    }
}
