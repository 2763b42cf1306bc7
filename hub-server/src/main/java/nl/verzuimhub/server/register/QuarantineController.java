package nl.verzuimhub.server.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import nl.verzuimhub.connectors.register.RegisterPoller;
import nl.verzuimhub.server.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quarantined register pages for operators (role OPERATOR): list, details, retry. Never the page content.
 */
@RestController
class QuarantineController {
    static final int MAX_LIMIT = 1000;

    private final QuarantineRepository quarantine;
    private final RegisterPoller poller;

    QuarantineController(QuarantineRepository quarantine, RegisterPoller poller) {
        this.quarantine = quarantine;
        this.poller = poller;
    }

    /** The list answer. */
    record QuarantineList(List<QuarantineEntry.Summary> items) {
    }

    /**
     * The retry answer.
     *
     * @param passed     true when the page was fetched again and stored (the row is now resolved)
     * @param result     STORED, QUARANTINED (refused again; see {@code quarantine} and {@code detail}), NOTHING_NEW
     *                   (the register answered 204/304 at that position), or FAILED (the register could not be asked;
     *                   {@code detail} says why)
     * @param mutations  mutations stored from the page (0 unless STORED)
     * @param cursor     the register cursor after the retry
     * @param quarantine the row as it is after the retry
     */
    record RetryAnswer(long id, boolean passed, String result, String detail, int mutations, long cursor,
                       QuarantineEntry quarantine) {
    }

    @Operation(summary = "List quarantined register pages", description = "Newest first; never the page content.")
    @GetMapping(path = "/api/v1/quarantine", produces = MediaType.APPLICATION_JSON_VALUE)
    QuarantineList list(@Parameter(description = "OPEN for unresolved pages only; ALL (default) for every page")
                        @RequestParam(defaultValue = "ALL") String status,
                        @Parameter(description = "at most this many, 1..1000") @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (!status.equals("ALL") && !status.equals(QuarantineEntry.OPEN)) {
            throw new BadRequestException("status must be OPEN or ALL");
        }
        return new QuarantineList(quarantine.list(status.equals(QuarantineEntry.OPEN), limit).stream()
                .map(QuarantineEntry::summary).toList());
    }

    @Operation(summary = "One quarantined register page", description = "Its reason, size, attempts and state;"
            + " never the content (it holds personal data; the reason names the volgnummer, element and rule).")
    @GetMapping(path = "/api/v1/quarantine/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    QuarantineEntry details(@PathVariable long id) {
        return existing(id);
    }

    @Operation(summary = "Fetch a quarantined page from the register again now and process it",
            description = "Use after the register fixed the page. The answer says whether it passed; a page that passes"
                    + " is stored like any page and its quarantine is resolved. 409 when already resolved.")
    @PostMapping(path = "/api/v1/quarantine/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    RetryAnswer retry(@PathVariable long id) {
        QuarantineEntry entry = existing(id);
        if (!entry.status().equals(QuarantineEntry.OPEN)) {
            throw problem(HttpStatus.CONFLICT, "quarantined page " + id + " was already resolved at " + entry.resolvedAt());
        }
        RegisterPoller.FetchResult fetched = poller.fetchPage(entry.requestedFrom());
        QuarantineEntry after = existing(id);
        String result;
        String detail;
        int mutations = 0;
        if (fetched.failure() != null) {
            result = "FAILED";
            detail = fetched.failure().detail();
        } else if (fetched.nothingNew()) {
            result = "NOTHING_NEW";
            detail = "the register has nothing at vanaf=" + entry.requestedFrom();
        } else if (fetched.outcome().quarantined()) {
            result = "QUARANTINED";
            detail = fetched.outcome().reason();
        } else {
            result = "STORED";
            detail = "the page passed and was stored";
            mutations = fetched.outcome().mutations();
        }
        return new RetryAnswer(id, fetched.passed(), result, detail, mutations, poller.cursor(), after);
    }

    private QuarantineEntry existing(long id) {
        return quarantine.find(id).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "no quarantined page with id " + id));
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
