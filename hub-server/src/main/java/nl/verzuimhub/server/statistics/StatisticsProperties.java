package nl.verzuimhub.server.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param thuiszitterDefinition {@code hub.statistics.thuiszitter-definition}: when a pupil counts as a thuiszitter,
 *                              {@code more-than-3-months} (national, the default) or {@code 4-weeks-or-more}
 *                              (some regions); hub-core's {@code ThuiszitterDefinition.named}
 */
@ConfigurationProperties("hub.statistics")
public record StatisticsProperties(String thuiszitterDefinition) {
    public StatisticsProperties {
        thuiszitterDefinition = thuiszitterDefinition == null || thuiszitterDefinition.isBlank()
                ? "more-than-3-months" : thuiszitterDefinition;
    }
}
