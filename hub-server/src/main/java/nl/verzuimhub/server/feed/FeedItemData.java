package nl.verzuimhub.server.feed;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The OpenAPI description of a feed item's {@code data}: every field the hub can disclose (the
 * {@link nl.verzuimhub.core.disclosure.DataField} list; a test keeps the two equal). A recipient receives only the
 * fields its policy permits; a field that is not disclosed is absent, never null. Documentation only: the served
 * JSON is the stored minimised view.
 */
@Schema(name = "FeedItemData", description = "Only the fields disclosed to this recipient; others are absent, never null")
record FeedItemData(
        @Schema(description = "BSN (citizen service number)") String bsn,
        @Schema(description = "Onderwijsnummer, for pupils without a BSN") String onderwijsnummer,
        @Schema(description = "This recipient's own stable pseudonym for the pupil, instead of BSN/onderwijsnummer") String pseudonym,
        @Schema(format = "date") String birthDate,
        Integer birthYear,
        @Schema(description = "Age in whole years at the start of the record's period (a generalised birth date)") Integer age,
        @Schema(description = "CBS code of the municipality of residence (woongemeente)") String municipality,
        @Schema(description = "Postcode, or only its four digits when the policy generalises it") String postcode,
        @Schema(description = "School (BRIN)") String brin,
        @Schema(description = "School branch (vestiging)") String branch,
        @Schema(description = "PO, SO, VO, VSO or MBO") String sector,
        @Schema(description = "Samenwerkingsverband of the (last) school") String partnership,
        @Schema(description = "Leerjaar") Integer grade,
        @Schema(description = "Verzuimsoort: V3, V4, LRV, L, RMC or O") String absenceType,
        @Schema(format = "date") String periodStart,
        @Schema(format = "date") String periodEnd,
        BigDecimal hours,
        Integer days,
        Boolean allLessonsMissed,
        @Schema(description = "The school's free text on the suspected reason (may hold special-category data)") String suspectedReason,
        @Schema(description = "The school's free text on what it did") String schoolAction,
        Boolean municipalActionRequested,
        @Schema(description = "Melder: name, role, phone, email") Map<String, String> reporter,
        String status,
        String closingReason,
        @Schema(format = "date") String reportedOn,
        @Schema(format = "date-time") String lastChanged,
        @Schema(description = "Article of the Leerplichtwet: 3a, 3b, 5a, 5b, 5c or 15") String article,
        Boolean previouslyExempt,
        @Schema(description = "Grounds of an exemption (health data for 5a)") String grounds) {
}
