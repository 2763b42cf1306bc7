package nl.verzuimhub.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.verzuimhub.core.identity.ElevenTest;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEntry;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.dpia.AuditQuery;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.dpia.VerificationResult;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.server.security.Callers;
import nl.verzuimhub.server.web.BadRequestException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The privacy officer's view of the audit log (role PRIVACY_OFFICER only, enforced by the security chain). Every
 * search is itself written to the log, before its results are returned.
 */
@RestController
class AuditController {
    static final int MAX_LIMIT = 1000;

    private final AuditLog auditLog;
    private final SubjectHasher subjectHasher;
    private final Callers callers;
    private final Clock clock;

    AuditController(AuditLog auditLog, SubjectHasher subjectHasher, Callers callers, Clock clock) {
        this.auditLog = auditLog;
        this.subjectHasher = subjectHasher;
        this.callers = callers;
        this.clock = clock;
    }

    record EntriesPage(List<AuditEntryView> entries, String next) {
    }

    record Verification(boolean valid, long entries, Long firstInvalid, String problem) {
    }

    @Operation(summary = "Search the audit log", description = "By data subject (BSN or onderwijsnummer, looked up"
            + " through its keyed hash), recipient and period [from, to). The search is itself audited.")
    @GetMapping("/api/v1/audit/entries")
    EntriesPage entries(@AuthenticationPrincipal Jwt token,
                        @Parameter(description = "BSN or onderwijsnummer of the data subject") @RequestParam(required = false) String subject,
                        @Parameter(description = "client id of a recipient") @RequestParam(required = false) String recipient,
                        @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
                        @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) String to,
                        @Parameter(description = "entry id to continue after") @RequestParam(defaultValue = "0") long after,
                        @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        String subjectHash = null;
        if (subject != null) {
            if (!ElevenTest.isValidBsn(subject) && !ElevenTest.isValidOnderwijsnummer(subject)) {
                throw new BadRequestException("subject must be a valid BSN or onderwijsnummer (9 digits passing the check)");
            }
            subjectHash = subjectHasher.hash(subject);
        }
        AuditQuery query = new AuditQuery(subjectHash, recipient, instant("from", from), instant("to", to), after, limit);
        recordSearch(token, query);
        List<AuditEntry> entries = auditLog.find(query);
        String next = entries.isEmpty() ? Long.toString(after) : Long.toString(entries.get(entries.size() - 1).id());
        return new EntriesPage(entries.stream().map(AuditEntryView::of).toList(), next);
    }

    @Operation(summary = "Verify the hash chain", description = "Recomputes every entry's hash from the first one.")
    @GetMapping("/api/v1/audit/verify")
    Verification verify() {
        VerificationResult result = auditLog.verify();
        return new Verification(result.valid(), result.entries(), result.firstInvalid(), result.problem());
    }

    private void recordSearch(Jwt token, AuditQuery query) {
        Recipient officer = callers.recipient(token).orElse(null);
        String criteria = "search: subject=" + (query.subjectHash() == null ? "-" : "hash") + " recipient="
                + (query.recipientId() == null ? "-" : query.recipientId()) + " from=" + query.from() + " to=" + query.to();
        auditLog.append(List.of(new AuditEvent(clock.instant(), AuditAction.SEARCH, AuditOutcome.SUCCESS,
                AuditChannel.API, Callers.clientId(token), officer == null ? null : officer.organisation().code(),
                officer == null ? null : officer.role().name(), DefaultPolicySet.TOEZICHT.id(),
                DefaultPolicySet.TOEZICHT.legalBasis(), null, null, null, null, null, null, query.subjectHash(), null,
                criteria)));
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2024-10-01T00:00:00Z");
        }
    }
}
