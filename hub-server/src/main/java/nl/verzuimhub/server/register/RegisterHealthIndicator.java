package nl.verzuimhub.server.register;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.verzuimhub.connectors.register.PollFailure;
import nl.verzuimhub.connectors.register.PollSchedule;
import nl.verzuimhub.connectors.register.RegisterPoller;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code register} in {@code /actuator/health}: DOWN while polling is stopped after a refusal (400, 401, 403, a refused
 * TLS handshake), with the cause, until an operator resumes it; otherwise UP, with the last success and the current
 * run of temporary failures (retried on their own). Details hold statuses and causes only.
 */
class RegisterHealthIndicator implements HealthIndicator {
    private final RegisterPoller poller;

    RegisterHealthIndicator(RegisterPoller poller) {
        this.poller = poller;
    }

    @Override
    public Health health() {
        PollSchedule.Status status = poller.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lastSuccessAt", status.lastSuccessAt() == null ? "never" : status.lastSuccessAt().toString());
        details.put("consecutiveFailures", status.consecutiveFailures());
        if (status.lastFailure() != null) {
            details.put("lastFailure", describe(status.lastFailure()));
        }
        if (status.stopped()) {
            details.put("polling", "stopped");
            details.put("stopReason", describe(status.stopReason()));
            details.put("action", "fix the cause, then POST /api/v1/register/resume (role OPERATOR)");
            return Health.down().withDetails(details).build();
        }
        details.put("polling", "running");
        return Health.up().withDetails(details).build();
    }

    private static Map<String, Object> describe(PollFailure failure) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("cause", failure.cause().tag());
        if (failure.httpStatus() != 0) {
            described.put("httpStatus", failure.httpStatus());
        }
        described.put("detail", failure.detail());
        described.put("vanaf", failure.requestedFrom());
        described.put("at", failure.at().toString());
        return described;
    }
}
