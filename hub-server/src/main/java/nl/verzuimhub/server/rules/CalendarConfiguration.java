package nl.verzuimhub.server.rules;

import nl.verzuimhub.core.calendar.MunicipalityRegions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The municipalities' holiday regions from {@code hub.calendar.*}. An unknown region code or a malformed municipality
 * code stops the hub at start-up with the offending entry named.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    MunicipalityRegions municipalityRegions(CalendarProperties properties) {
        MunicipalityRegions regions = MunicipalityRegions.defaultsWith(properties.holidayRegions());
        log.info("School calendar: {} municipalities with a holiday region ({} configured over the defaults)",
                regions.asMap().size(), properties.holidayRegions().size());
        return regions;
    }
}
