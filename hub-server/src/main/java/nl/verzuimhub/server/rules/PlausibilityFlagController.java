package nl.verzuimhub.server.rules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import nl.verzuimhub.server.web.BadRequestException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only list of plausibility flags for operators (role OPERATOR, see SecurityConfiguration): V3/V4 reports whose
 * hours and period cannot add up. Record ids and numbers only, no pupil data.
 */
@RestController
class PlausibilityFlagController {
    static final int MAX_LIMIT = 1000;

    private final PlausibilityFlagRepository flags;

    PlausibilityFlagController(PlausibilityFlagRepository flags) {
        this.flags = flags;
    }

    /** The list answer. */
    record FlagList(List<PlausibilityFlagRepository.StoredFlag> items) {
    }

    @Operation(summary = "List plausibility flags of V3/V4 reports",
            description = "Newest first. A flag says why a report's hours and period cannot add up under the"
                    + " 16-hours-in-4-school-weeks rule (HOURS_MISSING, HOURS_BELOW_THRESHOLD,"
                    + " PERIOD_LONGER_THAN_FOUR_SCHOOL_WEEKS, HOURS_EXCEED_SCHOOL_TIME); the report itself was"
                    + " stored and distributed as usual.")
    @GetMapping(path = "/api/v1/plausibility-flags", produces = MediaType.APPLICATION_JSON_VALUE)
    FlagList list(@Parameter(description = "only this register record's flags") @RequestParam(required = false)
                  String recordId,
                  @Parameter(description = "at most this many, 1..1000") @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (recordId != null && (recordId.isBlank() || recordId.length() > 64)) {
            throw new BadRequestException("recordId must be 1 to 64 characters");
        }
        return new FlagList(flags.recent(recordId, limit));
    }
}
