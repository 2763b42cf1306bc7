package nl.verzuimhub.server.dashboard.anomaly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.DailyCount;
import org.springframework.stereotype.Service;

/** The log's recent statistics (the last {@link #WINDOW}) with the anomalies found in them. */
@Service
public class AnomalyService {
    public static final Duration WINDOW = Duration.ofDays(30);

    public record Recent(List<DailyCount> daily, List<Anomaly> anomalies) {
    }

    private final AuditReadRepository repository;
    private final AnomalyThresholds thresholds;
    private final Clock clock;

    AnomalyService(AuditReadRepository repository, AnomalyThresholds thresholds, Clock clock) {
        this.repository = repository;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public Recent recent() {
        Instant since = clock.instant().minus(WINDOW);
        List<DailyCount> daily = repository.dailyCounts(since);
        List<Anomaly> anomalies = new AnomalyDetector(thresholds).detect(daily, repository.hourlyCounts(since),
                repository.subjectSpread(since, thresholds.subjectRecipients()));
        return new Recent(daily, anomalies);
    }

    public AnomalyThresholds thresholds() {
        return thresholds;
    }
}
