package nl.verzuimhub.server.audit;

import java.util.Map;
import java.util.Objects;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.ProcessingActivity;
import nl.verzuimhub.dpia.TraceContext;
import nl.verzuimhub.server.audit.trace.TraceScope;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Completes an event with what the hub knows centrally, so that callers need not: the current trace (or
 * {@code fallback} when the thread has none), the processing activity from action and purpose, and the person
 * acting. Parts the caller set are kept.
 *
 * <p>The person: an access token with an {@code act} claim (RFC 8693 token exchange) names the acting user in
 * {@code act.sub} and the one on whose behalf in {@code sub}; a token whose {@code sub} differs from its client
 * names a person in {@code sub}; a plain client-credentials token names no person (the recipient is a system). Any
 * other authenticated login (a person's session) names its principal.
 */
final class AuditContext {
    private AuditContext() {
    }

    static AuditEvent complete(AuditEvent event, TraceContext fallback) {
        AuditEvent.Builder completed = null;
        if (event.traceId() == null) {
            TraceContext trace = TraceScope.current().orElse(fallback);
            completed = event.toBuilder().trace(trace);
        }
        if (event.processingActivity() == null) {
            completed = (completed == null ? event.toBuilder() : completed)
                    .processingActivity(ProcessingActivity.of(event.action(), event.purposeId()));
        }
        if (event.actingUser() == null) {
            String[] person = person();
            if (person != null) {
                completed = (completed == null ? event.toBuilder() : completed).actingUser(person[0]);
                if (event.onBehalfOf() == null) {
                    completed.onBehalfOf(person[1]);
                }
            }
        }
        return completed == null ? event : completed.build();
    }

    /** {acting user, on behalf of} of the current caller, or null when no person acts. */
    private static String[] person() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            Object act = jwt.getClaims().get("act");
            if (act instanceof Map<?, ?> actor && actor.get("sub") != null) {
                return new String[] {actor.get("sub").toString(), jwt.getSubject()};
            }
            String client = jwt.getClaimAsString("client_id");
            if (jwt.getSubject() != null && client != null && !Objects.equals(jwt.getSubject(), client)) {
                return new String[] {jwt.getSubject(), null};
            }
            return null;
        }
        return new String[] {authentication.getName(), null};
    }
}
