package nl.verzuimhub.core.statistics;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.verzuimhub.core.calendar.SchoolYear;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.rules.DoorloopsnelheidReport;

/**
 * The leerplichttelling indicators of one group (municipality or partnership) for one school year, as
 * {@link LeerplichttellingCalculator} counts them. All counts are distinct pupils.
 *
 * @param schoolYear                     the school year counted
 * @param measuredUntil                  the last day counted: the year's last day, or the reference date within a
 *                                       running year
 * @param absoluteAbsence                pupils with an absolute-absence episode open on some day of the year
 * @param absoluteAbsenceOverThreeMonths of those, pupils with such an episode lasting more than 3 months
 * @param lrv                            pupils with an LRV episode open on some day of the year
 * @param lrvOverThreeMonths             of those, pupils with such an episode lasting more than 3 months
 * @param exemptions                     per article (every article present): pupils with an exemption in force on
 *                                       some day of the year
 * @param pupilsWithReport               pupils with at least one absence report (any type) filed in the year
 * @param thuiszitters                   pupils who are a thuiszitter case (calculator's definition) in the year
 * @param doorloopsnelheid               durations of episodes closed in the year, open ones up to
 *                                       {@code measuredUntil}
 */
public record Indicators(SchoolYear schoolYear, LocalDate measuredUntil, long absoluteAbsence,
                         long absoluteAbsenceOverThreeMonths, long lrv, long lrvOverThreeMonths,
                         Map<ExemptionArticle, Long> exemptions, long pupilsWithReport, long thuiszitters,
                         DoorloopsnelheidReport doorloopsnelheid) {

    public Indicators {
        Map<ExemptionArticle, Long> complete = new EnumMap<>(ExemptionArticle.class);
        for (ExemptionArticle article : ExemptionArticle.values()) {
            complete.put(article, exemptions.getOrDefault(article, 0L));
        }
        exemptions = java.util.Collections.unmodifiableMap(complete);
    }

    /**
     * The counts as named cells, in a fixed order, for tables, CSV and {@link SmallCellSuppression}: {@code
     * absoluteAbsence}, {@code absoluteAbsenceOverThreeMonths}, {@code lrv}, {@code lrvOverThreeMonths},
     * {@code exemption.3a} ... {@code exemption.15}, {@code pupilsWithReport}, {@code thuiszitters}.
     */
    public Map<String, Long> cells() {
        Map<String, Long> cells = new LinkedHashMap<>();
        cells.put("absoluteAbsence", absoluteAbsence);
        cells.put("absoluteAbsenceOverThreeMonths", absoluteAbsenceOverThreeMonths);
        cells.put("lrv", lrv);
        cells.put("lrvOverThreeMonths", lrvOverThreeMonths);
        for (ExemptionArticle article : ExemptionArticle.values()) {
            cells.put("exemption." + article.code(), exemptions.get(article));
        }
        cells.put("pupilsWithReport", pupilsWithReport);
        cells.put("thuiszitters", thuiszitters);
        return cells;
    }
}
