package nl.verzuimhub.server.outbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.verzuimhub.server.security.Callers;
import nl.verzuimhub.server.web.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead letters (role OPERATOR, enforced by the security chain): push batches given up on after the configured
 * attempts. Listing shows no personal data: ids, keys, counts, the last error. Replaying puts the batch back at the
 * head of its recipient's lane with a fresh attempt budget, the same items and the same Idempotency-Key.
 */
@RestController
class DeadLetterController {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);
    static final int MAX_LIMIT = 1000;

    private final OutboxRepository repository;
    private final Clock clock;

    DeadLetterController(OutboxRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    record DeadLetter(long id, String recipient, String connector, String idempotencyKey, int attempts,
                      String lastError, Instant createdAt, Instant deadAt, int items, long firstSequence,
                      long lastSequence, long waitingBehind) {
    }

    record DeadLetterPage(List<DeadLetter> deadLetters, String next) {
    }

    @Operation(summary = "List dead letters", description = "Push batches given up on, oldest first. While a"
            + " recipient has one, its later deliveries wait (`waitingBehind`) so that order is kept.")
    @GetMapping("/api/v1/dead-letters")
    @Transactional(readOnly = true)
    DeadLetterPage list(@Parameter(description = "client id of a recipient") @RequestParam(required = false) String recipient,
                        @Parameter(description = "id to continue after") @RequestParam(defaultValue = "0") long after,
                        @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        List<DeadLetter> letters = repository.deadLetters(recipient, after, limit).stream().map(this::view).toList();
        return new DeadLetterPage(letters, letters.isEmpty() ? Long.toString(after)
                : Long.toString(letters.get(letters.size() - 1).id()));
    }

    @Operation(summary = "Replay a dead letter", description = "Delivers the batch again (same items, same"
            + " Idempotency-Key) with a fresh attempt budget; its recipient's lane resumes behind it.")
    @PostMapping("/api/v1/dead-letters/{id}/replay")
    @Transactional
    ResponseEntity<DeadLetter> replay(@AuthenticationPrincipal Jwt token, @PathVariable long id) {
        OutboxBatch batch = repository.batch(id).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "there is no push batch " + id));
        DeadLetter before = view(batch);
        Instant now = clock.instant();
        if (!repository.replay(id, now)) {
            throw problem(HttpStatus.CONFLICT, "push batch " + id + " is " + batch.status() + ", not a dead letter");
        }
        repository.recordAttempt(id, batch.attempts(), now, "operator " + Callers.clientId(token), "REPLAYED", null);
        log.info("Dead letter {} of {} replayed by {}", id, batch.recipientId(), Callers.clientId(token));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(before);
    }

    private DeadLetter view(OutboxBatch batch) {
        OutboxRepository.Span span = repository.span(batch.id());
        return new DeadLetter(batch.id(), batch.recipientId(), batch.connector(), batch.idempotencyKey(),
                batch.attempts(), batch.lastError(), batch.createdAt(), batch.deadAt(), span.items(),
                span.firstSequence(), span.lastSequence(), repository.waitingBehind(batch.recipientId(), batch.id()));
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
