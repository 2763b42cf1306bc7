package nl.verzuimhub.server.audit.trace;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.verzuimhub.dpia.TraceContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * W3C Trace Context for every request: continues the caller's trace from a valid {@code traceparent} header (or
 * starts a new one), answers with the hub's own {@code traceparent}, and makes the trace current for the audit log.
 * Runs before security, so refusals (401/403) carry the header and their audit entries carry the trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceparentFilter extends OncePerRequestFilter {
    public static final String HEADER = "traceparent";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TraceContext trace = TraceContext.fromTraceparent(request.getHeader(HEADER)).orElseGet(TraceContext::newTrace);
        response.setHeader(HEADER, trace.traceparent());
        try (TraceScope scope = TraceScope.open(trace)) {
            chain.doFilter(request, response);
        }
    }
}
