package nl.verzuimhub.server.statistics;

import java.time.Clock;
import nl.verzuimhub.core.rules.ThuiszitterDefinition;
import nl.verzuimhub.core.rules.ThuiszitterRule;
import nl.verzuimhub.core.statistics.LeerplichttellingCalculator;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.policies.PolicyEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The statistics' plain parts, with the configured thuiszitter definition; an unknown definition stops the hub with
 * a message naming the setting.
 */
@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {
    @Bean
    ThuiszitterDefinition thuiszitterDefinition(StatisticsProperties properties) {
        try {
            return ThuiszitterDefinition.named(properties.thuiszitterDefinition());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hub.statistics.thuiszitter-definition: " + e.getMessage(), e);
        }
    }

    @Bean
    IndicatorTables indicatorTables(ThuiszitterDefinition definition, Clock clock) {
        return new IndicatorTables(new LeerplichttellingCalculator(definition), clock);
    }

    @Bean
    ThuiszitterList thuiszitterList(PolicyEngine engine, ThuiszitterDefinition definition, SubjectHasher hasher) {
        return new ThuiszitterList(engine, new ThuiszitterRule(definition), hasher);
    }
}
