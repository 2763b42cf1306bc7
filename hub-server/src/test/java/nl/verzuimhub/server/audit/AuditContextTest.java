package nl.verzuimhub.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.dpia.ProcessingActivity;
import nl.verzuimhub.dpia.TraceContext;
import nl.verzuimhub.server.audit.trace.TraceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class AuditContextTest {
    final AuditEvent bare = AuditEvent.builder(Instant.parse("2026-11-22T10:00:00Z"), AuditAction.DISCLOSE,
            AuditOutcome.SUCCESS).purposeId("leerplicht").build();
    final TraceContext fallback = TraceContext.newTrace();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCurrentTraceAndTheProcessingActivityAreFilledIn() {
        TraceContext request = TraceContext.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .orElseThrow();
        try (TraceScope scope = TraceScope.open(request)) {
            AuditEvent completed = AuditContext.complete(bare, fallback);
            assertThat(completed.traceId()).isEqualTo(request.traceId());
            assertThat(completed.spanId()).isEqualTo(request.spanId());
            assertThat(completed.processingActivity()).isEqualTo(ProcessingActivity.DISCLOSURE_PREFIX + "leerplicht");
        }
        assertThat(AuditContext.complete(bare, fallback).traceId()).isEqualTo(fallback.traceId());
    }

    @Test
    void whatTheCallerSetIsKept() {
        AuditEvent set = bare.toBuilder().traceId("0af7651916cd43dd8448eb211c80319c").spanId("b7ad6b7169203331")
                .processingActivity("eigen").actingUser("u1").build();
        assertThat(AuditContext.complete(set, fallback)).isEqualTo(set);
    }

    @Test
    void aSystemClientNamesNoPersonATokenExchangeNamesBoth() {
        authenticate(Map.of("sub", "leerplicht-0363", "client_id", "leerplicht-0363"));
        assertThat(AuditContext.complete(bare, fallback).actingUser()).isNull();

        authenticate(Map.of("sub", "leerplichtambtenaar-3", "client_id", "leerplicht-0363",
                "act", Map.of("sub", "medewerker-17")));
        AuditEvent completed = AuditContext.complete(bare, fallback);
        assertThat(completed.actingUser()).isEqualTo("medewerker-17");
        assertThat(completed.onBehalfOf()).isEqualTo("leerplichtambtenaar-3");

        authenticate(Map.of("sub", "fg-jansen", "client_id", "dashboard"));
        assertThat(AuditContext.complete(bare, fallback).actingUser()).isEqualTo("fg-jansen");
    }

    private static void authenticate(Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").claims(c -> c.putAll(claims)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, java.util.List.of()));
    }
}
