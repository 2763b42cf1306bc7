package nl.verzuimhub.server.register;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.verzuimhub.core.disclosure.RecordFields;
import nl.verzuimhub.core.port.QuarantinedPage;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.RegisterPage;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.policies.DecisionFacts;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.server.distribution.DeliveryRepository;
import nl.verzuimhub.server.distribution.Disclosure;
import nl.verzuimhub.server.distribution.Distributor;
import nl.verzuimhub.server.distribution.ScopeFollower;
import nl.verzuimhub.server.distribution.ViewJson;
import nl.verzuimhub.server.rules.ReportChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Ingest: stores a validated register page, distributes each new record version to the recipients whose policies
 * permit it (with the pupil's stored history as decision facts), retracts what a moved pupil's old scope may no
 * longer hold ({@link ScopeFollower}), and moves the cursor, all in one transaction. A mutation already stored (same or lower version) is
 * skipped entirely, so serving a page twice changes nothing.
 */
@Service
class RegisterIngest implements RegisterPageStore {
    private static final Logger log = LoggerFactory.getLogger(RegisterIngest.class);

    private final RecordRepository records;
    private final DeliveryRepository deliveries;
    private final QuarantineRepository quarantine;
    private final Distributor distributor;
    private final ScopeFollower scopeFollower;
    private final StoredRecords stored;
    private final SubjectHasher subjectHasher;
    private final PolicyEngine engine;
    private final ObjectMapper json;
    private final Clock clock;
    private final RegisterMetrics metrics;
    private final ReportChecks reportChecks;

    RegisterIngest(RecordRepository records, DeliveryRepository deliveries, QuarantineRepository quarantine,
                   Distributor distributor, ScopeFollower scopeFollower, StoredRecords stored,
                   SubjectHasher subjectHasher, PolicyEngine engine, ObjectMapper json, Clock clock,
                   RegisterMetrics metrics, ReportChecks reportChecks) {
        this.metrics = metrics;
        this.reportChecks = reportChecks;
        this.records = records;
        this.deliveries = deliveries;
        this.quarantine = quarantine;
        this.distributor = distributor;
        this.scopeFollower = scopeFollower;
        this.stored = stored;
        this.subjectHasher = subjectHasher;
        this.engine = engine;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public long nextSequence() {
        return records.cursor();
    }

    @Override
    @Transactional
    public int store(RegisterPage page) {
        Instant now = clock.instant();
        int changed = 0;
        for (Mutation mutation : page.mutations()) {
            String payload = json.writeValueAsString(ViewJson.toMap(RecordFields.of(mutation.record())));
            boolean withdrawal = mutation.action() == MutationAction.INGETROKKEN;
            StoredRecords.Location before = withdrawal ? null
                    : stored.location(mutation.record().kind(), mutation.record().id()).orElse(null);
            if (!records.storeIfNewer(mutation, payload, now)) {
                continue;
            }
            changed++;
            reportChecks.check(mutation, now);
            if (withdrawal) {
                deliveries.retract(mutation, engine.policySet().version(), now);
            } else {
                DecisionFacts facts = stored.facts();
                List<Disclosure> disclosures = distributor.distribute(mutation, facts);
                deliveries.insert(mutation, disclosures, now);
                scopeFollower.follow(mutation, before, disclosures,
                        subjectHasher.hash(mutation.record().pupil().identifier().value()), facts, now);
            }
        }
        records.moveCursor(page.nextSequence(), now);
        int resolved = quarantine.resolveUpTo(page.requestedFrom(), now);
        if (resolved > 0) {
            log.info("register page vanaf={} passed: {} quarantined page(s) at or before it resolved", page.requestedFrom(),
                    resolved);
        }
        return changed;
    }

    @Override
    @Transactional
    public void quarantine(QuarantinedPage page) {
        QuarantineRepository.Kept kept = quarantine.keep(page);
        if (kept.opened()) {
            metrics.quarantineOpened(kept.id(), page);
        } else {
            log.info("register page vanaf={} still quarantined as #{} (refused {} times); cursor stays", page.requestedFrom(),
                    kept.id(), kept.attempts());
        }
    }
}
