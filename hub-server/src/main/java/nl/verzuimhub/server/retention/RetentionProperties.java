package nl.verzuimhub.server.retention;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.record.RecordKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled        false to never run the retention job (default true)
 * @param interval       time between runs (default 1 hour)
 * @param maxAge         the hard limit after a record's last change (default P5Y)
 * @param quarantineBody how long a quarantined register page keeps its body after it was last seen (default P30D)
 * @param rules          per purpose id: the record kinds it needs, for how long after their last change, and until
 *                       which age of the pupil; when absent, {@link RetentionRules#defaults()}
 */
@ConfigurationProperties("hub.retention")
public record RetentionProperties(Boolean enabled, Duration interval, Period maxAge, Period quarantineBody,
                                  Map<String, RuleProperties> rules) {
    public record RuleProperties(Set<RecordKind> kinds, Period afterLastChange, Period untilAge) {
    }

    public RetentionProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofHours(1) : interval;
        quarantineBody = quarantineBody == null ? Period.ofDays(30) : quarantineBody;
    }

    RetentionRules toRules() {
        RetentionRules defaults = RetentionRules.defaults();
        if (rules == null || rules.isEmpty()) {
            return maxAge == null ? defaults : new RetentionRules(maxAge, defaults.rules());
        }
        List<RetentionRules.Rule> configured = rules.entrySet().stream()
                .map(rule -> new RetentionRules.Rule(rule.getKey(),
                        rule.getValue().kinds() == null ? Set.of(RecordKind.values()) : rule.getValue().kinds(),
                        rule.getValue().afterLastChange(), rule.getValue().untilAge()))
                .toList();
        return new RetentionRules(maxAge == null ? defaults.maxAge() : maxAge, configured);
    }
}
