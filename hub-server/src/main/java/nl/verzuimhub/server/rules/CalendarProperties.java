package nl.verzuimhub.server.rules;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which school-holiday region each municipality belongs to.
 *
 * @param holidayRegions {@code hub.calendar.holiday-regions.<CBS code>: noord|midden|zuid}, laid over hub-core's
 *                       defaults ({@code MunicipalityRegions.DEFAULTS}: the simulator's municipalities). A municipality
 *                       in neither has no regional calendar: its records are judged on Monday to Friday.
 */
@ConfigurationProperties("hub.calendar")
public record CalendarProperties(Map<String, String> holidayRegions) {
    public CalendarProperties {
        holidayRegions = holidayRegions == null ? Map.of() : holidayRegions;
    }
}
