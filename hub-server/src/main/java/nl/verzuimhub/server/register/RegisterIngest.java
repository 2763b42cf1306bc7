package nl.verzuimhub.server.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.disclosure.RecordFields;
import nl.verzuimhub.core.port.QuarantinedPage;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.RegisterPage;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.policies.DecisionFacts;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.server.distribution.DeliveryRepository;
import nl.verzuimhub.server.distribution.Disclosure;
import nl.verzuimhub.server.distribution.Distributor;
import nl.verzuimhub.server.distribution.PageDeliveries;
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

    /**
     * Stores a page in a few statements (see {@link PageState}): reads ahead what the page's mutations will look at,
     * decides every mutation in sequence order in memory, each seeing the page's earlier mutations as written, then
     * writes the records, plausibility flags and deliveries (with their outbox tasks, {@link DeliveryRepository#write})
     * and moves the cursor. Same outcome as storing, checking, distributing and following each mutation one at a time.
     */
    @Override
    @Transactional
    public int store(RegisterPage page) {
        Instant now = clock.instant();
        PageState state = readAhead(page.mutations());
        List<ReportChecks.Flagged> flagged = new ArrayList<>();
        int changed = 0;
        for (Mutation mutation : page.mutations()) {
            RegisterRecord record = mutation.record();
            RecordKey key = RecordKey.of(record);
            if (!state.records.newer(key, record.version())) {
                continue;
            }
            boolean withdrawal = mutation.action() == MutationAction.INGETROKKEN;
            StoredRecords.Location before = withdrawal ? null : state.records.location(key);
            state.records.store(mutation, withdrawal ? null
                    : json.writeValueAsString(ViewJson.toMap(RecordFields.of(record))));
            state.sickReports.store(mutation);
            changed++;
            reportChecks.judge(mutation).ifPresent(flagged::add);
            if (withdrawal) {
                state.deliveries.withdraw(mutation, engine.policySet().version());
            } else {
                DecisionFacts facts = stored.facts(state.sickReports::otherSickReports);
                List<Disclosure> disclosures = distributor.distribute(mutation, facts);
                state.deliveries.disclose(mutation, disclosures);
                scopeFollower.follow(mutation, before, disclosures,
                        subjectHasher.hash(record.pupil().identifier().value()), facts, state);
            }
        }
        records.store(state.records.changes(), now);
        reportChecks.store(flagged, now);
        deliveries.write(state.deliveries, now);
        records.moveCursor(page.nextSequence(), now);
        int resolved = quarantine.resolveUpTo(page.requestedFrom(), now);
        if (resolved > 0) {
            log.info("register page vanaf={} passed: {} quarantined page(s) at or before it resolved", page.requestedFrom(),
                    resolved);
        }
        return changed;
    }

    /**
     * Reads, before the page, what deciding it will look at, in at most four queries: the stored rows of the page's
     * records; the deliveries held of the page's pupils and of the records it withdraws (with their records'
     * locations); the stored payloads of those held records that the scope follower may re-decide (stored where a
     * mutation of the page does not put the pupil); the sick reports of the pupils whose history the M@ZL criterion
     * may count.
     */
    private PageState readAhead(List<Mutation> mutations) {
        Set<RecordKey> keys = new LinkedHashSet<>();
        Set<List<String>> withdrawn = new LinkedHashSet<>();
        Map<String, String> hashes = new HashMap<>(); // identifier -> subject hash, of the pupils decided about
        Map<String, String> identifiers = new HashMap<>(); // and back
        Map<String, Set<StoredRecords.Location>> locations = new HashMap<>(); // subject hash -> where the page puts them
        Set<String> sickPupils = new HashSet<>();
        for (Mutation mutation : mutations) {
            RegisterRecord record = mutation.record();
            keys.add(RecordKey.of(record));
            if (mutation.action() == MutationAction.INGETROKKEN) {
                withdrawn.add(List.of(record.kind().name(), record.id()));
                continue;
            }
            String identifier = record.pupil().identifier().value();
            String subjectHash = hashes.computeIfAbsent(identifier, subjectHasher::hash);
            identifiers.put(subjectHash, identifier);
            locations.computeIfAbsent(subjectHash, hash -> new HashSet<>()).add(new StoredRecords.Location(
                    record.pupil().municipality(), record.school().map(Enrolment::partnership).orElse(null)));
            if (record.kind() == RecordKind.ZIEKMELDING) {
                sickPupils.add(identifier);
            }
        }
        PageRecords pageRecords = new PageRecords(records::read, json);
        pageRecords.know(keys, records.read(keys, false), false);
        List<DeliveryRepository.HeldBefore> held = deliveries.heldBefore(identifiers.keySet(), withdrawn);
        List<PageDeliveries.HeldRow> heldRows = new ArrayList<>(held.size());
        Set<RecordKey> redecided = new LinkedHashSet<>();
        for (DeliveryRepository.HeldBefore before : held) {
            PageDeliveries.HeldRow row = before.row();
            heldRows.add(row);
            RecordKey key = new RecordKey(row.kind(), row.recordId());
            pageRecords.knowLocation(key, before.stored());
            Set<StoredRecords.Location> movedTo = locations.get(row.subjectHash());
            if (before.stored() != null && movedTo != null
                    && !(movedTo.size() == 1 && movedTo.contains(before.stored()))) {
                redecided.add(key);
                if (row.kind().equals(RecordKind.ZIEKMELDING.name())) {
                    sickPupils.add(identifiers.get(row.subjectHash()));
                }
            }
        }
        if (!redecided.isEmpty()) {
            pageRecords.know(redecided, records.read(redecided, true), true);
        }
        SickHistories sickReports = new SickHistories(stored::sickReports);
        sickReports.readAhead(sickPupils);
        return new PageState(pageRecords, sickReports, new PageDeliveries(heldRows, json));
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
