package nl.verzuimhub.server.audit;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit log's month partitions created ahead: at start-up and every six hours, this month and the next
 * {@code hub.audit.partitions-ahead}. (An append into a month without partition creates it on the spot as well.)
 */
@Component
class PartitionMaintenance {
    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);
    private final AuditLog auditLog;
    private final AuditProperties properties;
    private final Clock clock;

    PartitionMaintenance(AuditLog auditLog, AuditProperties properties, Clock clock) {
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "PT6H")
    void createAhead() {
        YearMonth now = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
        try {
            auditLog.ensurePartitions(now, now.plusMonths(properties.partitionsAhead()));
        } catch (RuntimeException e) {
            log.error("ALERT audit log partitions could not be created ahead ({})", e.getClass().getSimpleName());
        }
    }
}
