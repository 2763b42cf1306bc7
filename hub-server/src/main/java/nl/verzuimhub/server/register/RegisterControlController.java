package nl.verzuimhub.server.register;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import nl.verzuimhub.connectors.register.PollFailure;
import nl.verzuimhub.connectors.register.PollSchedule;
import nl.verzuimhub.connectors.register.RegisterPoller;
import nl.verzuimhub.server.cluster.RegisterLeadership;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The register connector's state for operators (role OPERATOR), and resuming it after a stop. */
@RestController
class RegisterControlController {
    private final RegisterPoller poller;
    private final RegisterLeadership leadership;

    RegisterControlController(RegisterPoller poller, RegisterLeadership leadership) {
        this.poller = poller;
        this.leadership = leadership;
    }

    /**
     * @param polling             RUNNING or STOPPED
     * @param stopReason          why it stopped (cause, HTTP status, detail), or null
     * @param lastFailure         the latest failed request, or null
     * @param lastSuccessAt       when the register last answered usefully, or null
     * @param consecutiveFailures failed requests since the last success
     * @param nextPollAt          when the next request is due (while running)
     * @param cursor              the stored cursor: the {@code vanaf} asked next
     * @param pollsHere           whether this instance holds the register lease and so is the one that polls (with
     *                            several instances on one database only one does; docs/scale-out.md)
     * @param leaseHolder         the instance that holds the lease (process and a random id), or null
     */
    record RegisterState(String polling, Failure stopReason, Failure lastFailure, Instant lastSuccessAt,
                         int consecutiveFailures, Instant nextPollAt, long cursor, boolean pollsHere,
                         String leaseHolder) {
    }

    record Failure(String cause, Integer httpStatus, String detail, long vanaf, Instant at) {
        static Failure of(PollFailure failure) {
            return failure == null ? null : new Failure(failure.cause().tag(),
                    failure.httpStatus() == 0 ? null : failure.httpStatus(), failure.detail(), failure.requestedFrom(),
                    failure.at());
        }
    }

    @Operation(summary = "The register connector's state")
    @GetMapping(path = "/api/v1/register/status", produces = MediaType.APPLICATION_JSON_VALUE)
    RegisterState status() {
        PollSchedule.Status status = poller.status();
        return new RegisterState(status.stopped() ? "STOPPED" : "RUNNING", Failure.of(status.stopReason()),
                Failure.of(status.lastFailure()), status.lastSuccessAt(), status.consecutiveFailures(),
                status.stopped() ? null : status.nextDue(), poller.cursor(), leadership.isLeader(),
                leadership.holder());
    }

    @Operation(summary = "Resume polling after a stop",
            description = "After a 400, 401, 403 or a refused TLS handshake the connector stops; fix the cause, then"
                    + " resume. 409 when polling is not stopped.")
    @PostMapping(path = "/api/v1/register/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    RegisterState resume() {
        if (!poller.resume()) {
            throw new ErrorResponseException(HttpStatus.CONFLICT,
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "register polling is not stopped"), null);
        }
        return status();
    }
}
