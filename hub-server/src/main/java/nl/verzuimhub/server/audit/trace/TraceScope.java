package nl.verzuimhub.server.audit.trace;

import java.util.Optional;
import nl.verzuimhub.dpia.TraceContext;

/**
 * The trace the current thread works in: set by {@link TraceparentFilter} for a request, by {@link IngestTracing}
 * for a register poll, and by scheduled jobs; read by the audit log for entries that carry no trace of their own.
 */
public final class TraceScope implements AutoCloseable {
    private static final ThreadLocal<TraceContext> CURRENT = new ThreadLocal<>();
    private final TraceContext previous;

    private TraceScope(TraceContext trace) {
        previous = CURRENT.get();
        CURRENT.set(trace);
    }

    /** Makes {@code trace} current until the returned scope is closed (then the previous one is current again). */
    public static TraceScope open(TraceContext trace) {
        return new TraceScope(trace);
    }

    /** A new trace of its own, e.g. for one run of a scheduled job. */
    public static TraceScope openNew() {
        return open(TraceContext.newTrace());
    }

    public static Optional<TraceContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    public void close() {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
