package nl.verzuimhub.server.dashboard.report;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the generated reports: {@code hub.dashboard.register.*}.
 *
 * @param retention purpose id to its retention rule in words, shown in the processing register and DPIA
 */
@ConfigurationProperties("hub.dashboard.register")
public record ReportProperties(Map<String, String> retention) {
    public Map<String, String> retentionOrEmpty() {
        return retention == null ? Map.of() : retention;
    }
}
