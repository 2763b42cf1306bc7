package nl.verzuimhub.server.web;

import nl.verzuimhub.server.audit.AuditUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * When the audit log cannot be written, nothing was disclosed (the transaction that would have served the data is
 * rolled back): the caller gets 503 with a problem+json body and may try again.
 */
@RestControllerAdvice
class AuditUnavailableAdvice {
    private static final Logger log = LoggerFactory.getLogger(AuditUnavailableAdvice.class);

    @ExceptionHandler(AuditUnavailableException.class)
    ResponseEntity<ProblemDetail> auditUnavailable(AuditUnavailableException exception) {
        log.error("ALERT the audit log could not be written; the request was refused and nothing was disclosed ({})",
                exception.getCause() == null ? "unknown cause" : exception.getCause().getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the disclosure log could not be written, so nothing was disclosed; try again later");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem);
    }
}
