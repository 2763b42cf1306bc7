package nl.verzuimhub.server.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.dpia.ProcessingActivity;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.server.audit.trace.TraceScope;
import nl.verzuimhub.server.distribution.DeliveryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases personal data whose retention ended ({@link RetentionRules}): the payload of stored records, the copies of
 * their data held in deliveries, and the bodies of quarantined register pages. Each erasure is an audit entry (action
 * ERASE) committed in the same transaction as the erasure; audit entries themselves stay (they hold keyed hashes, no
 * personal data in clear). Idempotent: what is erased is not found again.
 */
@Service
public class RetentionJob {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final int BATCH = 200;

    private final RetentionRepository repository;
    private final DeliveryRepository deliveries;
    private final AuditLog auditLog;
    private final SubjectHasher subjectHasher;
    private final RetentionProperties properties;
    private final RetentionRules rules;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RetentionJob(RetentionRepository repository, DeliveryRepository deliveries, AuditLog auditLog,
                 SubjectHasher subjectHasher, RetentionProperties properties, TransactionTemplate transactions,
                 Clock clock) {
        this.repository = repository;
        this.deliveries = deliveries;
        this.auditLog = auditLog;
        this.subjectHasher = subjectHasher;
        this.properties = properties;
        this.rules = properties.toRules();
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one run erased. */
    public record Result(int records, int deliveries, int quarantinedBodies) {
    }

    @Scheduled(fixedDelayString = "${hub.retention.interval:PT1H}", initialDelayString = "${hub.retention.interval:PT1H}")
    void scheduled() {
        if (!properties.enabled()) {
            return;
        }
        try (TraceScope scope = TraceScope.openNew()) {
            Result result = runAt(clock.instant());
            if (result.records() + result.quarantinedBodies() > 0) {
                log.info("Retention erased {} records ({} delivered copies) and {} quarantined page bodies",
                        result.records(), result.deliveries(), result.quarantinedBodies());
            }
        } catch (RuntimeException e) {
            log.error("ALERT the retention job failed ({})", e.getClass().getSimpleName());
        }
    }

    /** Erases everything whose retention ended at {@code now}. */
    public Result runAt(Instant now) {
        List<RetentionRepository.StoredRecord> due = repository.recordsWithPersonalData(now).stream()
                .filter(r -> rules.due(RecordKind.valueOf(r.kind()), r.lastChange(), r.birthDate(), now)).toList();
        int records = 0;
        int copies = 0;
        for (int start = 0; start < due.size(); start += BATCH) {
            List<RetentionRepository.StoredRecord> batch = due.subList(start, Math.min(due.size(), start + BATCH));
            int[] counts = transactions.execute(status -> eraseRecords(batch, now));
            records += counts[0];
            copies += counts[1];
        }
        Instant seenBefore = now.atOffset(ZoneOffset.UTC).minus(properties.quarantineBody()).toInstant();
        Integer bodies = transactions.execute(status -> {
            List<RetentionRepository.QuarantinedBody> erased = repository.eraseQuarantinedBodies(seenBefore, now);
            auditLog.append(erased.stream().map(body -> erasure(now).recordKind("REGISTER_PAGE")
                    .recordId("quarantine-" + body.id()).fields(List.of("body"))
                    .reason("retention: quarantined register page body erased, "
                            + properties.quarantineBody() + " after it was last seen").build()).toList());
            return erased.size();
        });
        return new Result(records, copies, bodies == null ? 0 : bodies);
    }

    private int[] eraseRecords(List<RetentionRepository.StoredRecord> batch, Instant now) {
        List<AuditEvent> events = new ArrayList<>();
        int copies = 0;
        for (RetentionRepository.StoredRecord record : batch) {
            if (!repository.erase(record, now)) {
                continue;
            }
            int erasedCopies = deliveries.eraseData(record.kind(), record.recordId());
            copies += erasedCopies;
            String identifier = record.bsn() != null ? record.bsn() : record.onderwijsnummer();
            Instant from = rules.eraseFrom(RecordKind.valueOf(record.kind()), record.lastChange(), record.birthDate());
            events.add(erasure(now).recordKind(record.kind()).recordId(record.recordId())
                    .recordVersion(record.version())
                    .subjectHash(identifier == null ? null : subjectHasher.hash(identifier))
                    .fields(record.fields())
                    .reason("retention: no purpose needs the record since " + from + "; erased with "
                            + erasedCopies + " delivered copies").build());
        }
        auditLog.append(events);
        return new int[] {events.size(), copies};
    }

    private static AuditEvent.Builder erasure(Instant now) {
        return AuditEvent.builder(now, AuditAction.ERASE, AuditOutcome.SUCCESS)
                .processingActivity(ProcessingActivity.RETENTION).recipientId("verzuimhub")
                .role("RETENTION_JOB");
    }
}
