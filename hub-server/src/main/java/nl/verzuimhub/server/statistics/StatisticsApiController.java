package nl.verzuimhub.server.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.server.security.Callers;
import nl.verzuimhub.server.security.ForbiddenException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leerplichttelling indicators over the API, as JSON or CSV: per municipality, per partnership, and for every
 * municipality at once. Each response is recorded in the audit log before it is sent; a refusal is recorded as a
 * denial. Scope and suppression: {@link StatisticsScope}.
 */
@RestController
@Tag(name = "statistics", description = "Leerplichttelling indicators per municipality and partnership")
class StatisticsApiController {
    static final String BASE = "/api/v1/statistics";

    private final StatisticsService statistics;
    private final Callers callers;
    private final StatisticsAudit audit;

    StatisticsApiController(StatisticsService statistics, Callers callers, StatisticsAudit audit) {
        this.statistics = statistics;
        this.callers = callers;
        this.audit = audit;
    }

    @Operation(summary = "School years with statistics", description = "The school years the hub's calendar knows,"
            + " oldest first, e.g. `2024-2025`.")
    @GetMapping(BASE + "/school-years")
    List<String> schoolYears() {
        return statistics.knownSchoolYears();
    }

    @Operation(summary = "A municipality's indicators", description = DESCRIPTION
            + " Only the municipality itself sees counts below 5; a statistics recipient sees them suppressed.")
    @ApiResponse(responseCode = "200", description = "the indicators", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = StatisticsTable.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = StatisticsCsv.HEADER))})
    @ApiResponse(responseCode = "400", description = "a malformed school year or code",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "outside your scope (recorded as a denial)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "a school year the hub does not know",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "406", description = "a format other than JSON or CSV",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "the audit log cannot be written: nothing is sent",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping({BASE + "/{schoolYear}/municipalities/{code:[^.]+}", BASE + "/{schoolYear}/municipalities/{code:[^.]+}.{format}"})
    ResponseEntity<?> municipality(@AuthenticationPrincipal Jwt token,
                                   @Parameter(description = "e.g. 2024-2025") @PathVariable String schoolYear,
                                   @Parameter(description = "CBS gemeentecode, four digits") @PathVariable String code,
                                   @Parameter(description = "json or csv; or use the Accept header")
                                   @PathVariable(required = false) String format,
                                   @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                   @Parameter(description = "the purpose to ask under; default: your first that covers statistics")
                                   @RequestParam(required = false) String purpose) {
        return group(token, StatisticsGroup.Type.MUNICIPALITY, schoolYear, code, format, accept, purpose);
    }

    @Operation(summary = "A partnership's indicators", description = DESCRIPTION
            + " Over the pupils whose (last) school belongs to the partnership; counts below 5 are suppressed.")
    @ApiResponse(responseCode = "200", description = "the indicators", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = StatisticsTable.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = StatisticsCsv.HEADER))})
    @ApiResponse(responseCode = "403", description = "not your partnership (recorded as a denial)",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping({BASE + "/{schoolYear}/partnerships/{code:[^.]+}", BASE + "/{schoolYear}/partnerships/{code:[^.]+}.{format}"})
    ResponseEntity<?> partnership(@AuthenticationPrincipal Jwt token,
                                  @Parameter(description = "e.g. 2024-2025") @PathVariable String schoolYear,
                                  @Parameter(description = "samenwerkingsverband code, e.g. VO2701") @PathVariable String code,
                                  @Parameter(description = "json or csv; or use the Accept header")
                                  @PathVariable(required = false) String format,
                                  @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                  @RequestParam(required = false) String purpose) {
        return group(token, StatisticsGroup.Type.PARTNERSHIP, schoolYear, code, format, accept, purpose);
    }

    @Operation(summary = "Every municipality's indicators", description = DESCRIPTION
            + " A statistics recipient (ministry, inspectorate) gets every municipality with records, suppressed;"
            + " a municipality gets only its own.")
    @ApiResponse(responseCode = "200", description = "one table per municipality", content = {
            @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = StatisticsTable.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = StatisticsCsv.HEADER))})
    @GetMapping({BASE + "/{schoolYear}/municipalities", BASE + "/{schoolYear}/municipalities.{format}"})
    ResponseEntity<?> municipalities(@AuthenticationPrincipal Jwt token,
                                     @Parameter(description = "e.g. 2024-2025") @PathVariable String schoolYear,
                                     @PathVariable(required = false) String format,
                                     @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                     @RequestParam(required = false) String purpose) {
        nl.verzuimhub.core.calendar.SchoolYear year = statistics.schoolYear(schoolYear);
        ResponseFormat responseFormat = ResponseFormat.of(format, accept);
        Recipient recipient = recipient(token, purpose);
        StatisticsScope.Access access = StatisticsScope.decideAllMunicipalities(recipient, purpose);
        StatisticsScope.Granted granted = granted(recipient, access, purpose, "municipalities;schoolYear=" + year);
        List<StatisticsTable> tables = statistics.municipalitiesFor(recipient, year, granted.suppressed());
        return send(recipient, granted, tables, responseFormat, true, "municipalities-" + year);
    }

    private ResponseEntity<?> group(Jwt token, StatisticsGroup.Type type, String schoolYear, String code, String format,
                                    String accept, String purpose) {
        nl.verzuimhub.core.calendar.SchoolYear year = statistics.schoolYear(schoolYear);
        StatisticsGroup group = StatisticsGroup.parse(type, code);
        ResponseFormat responseFormat = ResponseFormat.of(format, accept);
        Recipient recipient = recipient(token, purpose);
        StatisticsScope.Granted granted = granted(recipient, StatisticsScope.decide(recipient, group, purpose), purpose,
                group.describe() + ";schoolYear=" + year);
        StatisticsTable table = statistics.table(group, year, granted.suppressed());
        return send(recipient, granted, List.of(table), responseFormat, false,
                type.path() + "-" + code + "-" + year);
    }

    private ResponseEntity<?> send(Recipient recipient, StatisticsScope.Granted granted, List<StatisticsTable> tables,
                                   ResponseFormat format, boolean list, String fileName) {
        audit.disclosed(new StatisticsAudit.Caller(recipient, null, AuditChannel.API), granted.purposeId(),
                tables.stream().map(StatisticsTable::name).toList(),
                tables.isEmpty() ? List.of() : tables.get(0).indicatorIds(),
                "statistics format=" + format.name().toLowerCase(java.util.Locale.ROOT) + " suppressed="
                        + granted.suppressed());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(format.mediaType());
        if (format == ResponseFormat.CSV) {
            return response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistics-" + fileName
                    + ".csv\"").body(StatisticsCsv.write(tables));
        }
        return response.body(list ? tables : tables.get(0));
    }

    private Recipient recipient(Jwt token, String purpose) {
        String clientId = Callers.clientId(token);
        Recipient recipient = callers.recipient(token).orElse(null);
        if (recipient == null) {
            audit.refused(null, clientId, purpose, "statistics refused: client unknown to the hub");
            throw new ForbiddenException("this client is not a recipient of the hub");
        }
        return recipient;
    }

    private StatisticsScope.Granted granted(Recipient recipient, StatisticsScope.Access access, String purpose,
                                            String what) {
        if (access instanceof StatisticsScope.Refused refused) {
            audit.refused(recipient, recipient.clientId(), purpose, "statistics " + what + " refused: "
                    + refused.reason());
            throw new ForbiddenException(refused.reason());
        }
        return (StatisticsScope.Granted) access;
    }

    private static final String DESCRIPTION = "The leerplichttelling indicators (absolute absence total and over 3"
            + " months, LRV total and over 3 months, exemptions per article, pupils with at least one report,"
            + " thuiszitters, doorloopsnelheid) for one school year, as JSON or CSV (suffix `.csv` or `.json`, or the"
            + " Accept header). Recorded in the audit log before the response is sent.";
}
