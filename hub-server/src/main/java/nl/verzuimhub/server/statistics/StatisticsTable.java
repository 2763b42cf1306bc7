package nl.verzuimhub.server.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The leerplichttelling indicators of one group and school year, as one caller may see them.
 *
 * @param suppressed whether small cells were suppressed for this caller (everyone but the municipality itself)
 * @param threshold  cells with a count below this are suppressed when {@code suppressed}
 */
@Schema(description = "The leerplichttelling indicators of one municipality or partnership in one school year")
public record StatisticsTable(
        @Schema(example = "2024-2025") String schoolYear,
        @Schema(allowableValues = {"MUNICIPALITY", "PARTNERSHIP"}) StatisticsGroup.Type groupType,
        @Schema(description = "CBS gemeentecode or samenwerkingsverband code", example = "0363") String groupCode,
        @Schema(description = "true: counts below `threshold` are withheld (value null)") boolean suppressed,
        int threshold,
        List<Cell> indicators) {

    public StatisticsTable {
        indicators = List.copyOf(indicators);
    }

    /**
     * One indicator.
     *
     * @param value null when suppressed; a count, or days for the doorloopsnelheid
     * @param unit  {@code pupils}, {@code cases} or {@code days}
     */
    @Schema(name = "StatisticsCell")
    public record Cell(
            @Schema(description = "Stable id, e.g. absoluteAbsence.total, exemptions.5a, thuiszitters") String id,
            @Schema(description = "Dutch label as in the leerplichttelling") String label,
            @Schema(nullable = true) Number value,
            @Schema(allowableValues = {"pupils", "cases", "days"}) String unit,
            @Schema(description = "true: the value is withheld because the count is below the threshold") boolean suppressed) {
    }

    /** The table's name in audit entries and file names, e.g. {@code municipality=0363;schoolYear=2024-2025}. */
    public String name() {
        return groupType.name().toLowerCase(java.util.Locale.ROOT) + "=" + groupCode + ";schoolYear=" + schoolYear;
    }

    /** Whether the cell counts days (the doorloopsnelheid) rather than pupils or cases. */
    public static boolean inDays(Cell cell) {
        return "days".equals(cell.unit());
    }

    public List<String> indicatorIds() {
        return indicators.stream().map(Cell::id).toList();
    }
}
