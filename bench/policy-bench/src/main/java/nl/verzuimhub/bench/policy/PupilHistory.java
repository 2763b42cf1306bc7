package nl.verzuimhub.bench.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.policies.DecisionFacts;
import nl.verzuimhub.simulator.SyntheticRegion;

/**
 * The pupil history the M@ZL condition reads, as the hub holds it after the whole demo feed: per pupil, the periods
 * of its sick reports (latest version of each, withdrawn ones left out), like {@code StoredRecords.facts()} in
 * hub-server. One instance serves all three engines, so each evaluates the condition on the same input.
 */
final class PupilHistory implements DecisionFacts {
    private final Map<String, Map<String, Period>> sickReports = new HashMap<>();

    PupilHistory(SyntheticRegion region) {
        for (Mutation mutation : region.mutations()) {
            RegisterRecord record = mutation.record();
            if (record.kind() != RecordKind.ZIEKMELDING) {
                continue;
            }
            Map<String, Period> ofPupil = sickReports.computeIfAbsent(record.pupil().identifier().value(),
                    pupil -> new LinkedHashMap<>());
            if (mutation.action() == MutationAction.INGETROKKEN) {
                ofPupil.remove(record.id());
            } else {
                ofPupil.put(record.id(), record.period());
            }
        }
    }

    @Override
    public List<Period> otherSickReports(RegisterRecord record) {
        Map<String, Period> ofPupil = sickReports.get(record.pupil().identifier().value());
        if (ofPupil == null || ofPupil.isEmpty() || ofPupil.size() == 1 && ofPupil.containsKey(record.id())) {
            return List.of();
        }
        List<Period> others = new ArrayList<>(ofPupil.size());
        ofPupil.forEach((id, period) -> {
            if (!id.equals(record.id())) {
                others.add(period);
            }
        });
        return others;
    }
}
