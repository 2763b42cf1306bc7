package nl.verzuimhub.server.register;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.policies.DecisionFacts;

/**
 * The pupils' sick reports as one register page sees them (the history the M@ZL criterion counts, see
 * {@link StoredRecords#facts()}): the stored, not withdrawn sick reports of the page's pupils read before the page,
 * overlaid with the sick report versions the page stored so far ({@link #store}). Plain class; the only I/O is the
 * {@code loader} for a pupil whose history was not read ahead.
 */
final class SickHistories {
    /** A sick report as the page last stored it: whose it is and its period; empty once withdrawn. */
    private record Current(String identifier, Period period) {
    }

    private final Map<String, Map<String, Period>> before = new HashMap<>();
    private final Map<String, Optional<Current>> stored = new HashMap<>();
    private final Map<String, Map<String, Period>> storedByPupil = new HashMap<>();
    private final Function<Collection<String>, Map<String, Map<String, Period>>> loader;

    /**
     * @param loader per pupil identifier, the periods of its stored, not withdrawn sick reports by record id, as
     *               stored before the page
     */
    SickHistories(Function<Collection<String>, Map<String, Map<String, Period>>> loader) {
        this.loader = loader;
    }

    /** Reads ahead the histories of these pupils (one call of the loader). */
    void readAhead(Collection<String> identifiers) {
        List<String> missing = identifiers.stream().filter(id -> !before.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<String, Map<String, Period>> found = loader.apply(missing);
        for (String identifier : missing) {
            before.put(identifier, found.getOrDefault(identifier, Map.of()));
        }
    }

    /** Takes a stored mutation into account; anything but a sick report is ignored. */
    void store(Mutation mutation) {
        RegisterRecord record = mutation.record();
        if (record.kind() != RecordKind.ZIEKMELDING) {
            return;
        }
        Optional<Current> previous = stored.put(record.id(), mutation.action() == MutationAction.INGETROKKEN
                ? Optional.empty() : Optional.of(new Current(record.pupil().identifier().value(), record.period())));
        if (previous != null && previous.isPresent()) {
            storedByPupil.get(previous.get().identifier()).remove(record.id());
        }
        stored.get(record.id()).ifPresent(current -> storedByPupil.computeIfAbsent(current.identifier(),
                key -> new HashMap<>()).put(record.id(), current.period()));
    }

    /** As {@link DecisionFacts#otherSickReports}: the periods of the pupil's other sick reports, now. */
    List<Period> otherSickReports(RegisterRecord record) {
        String identifier = record.pupil().identifier().value();
        readAhead(List.of(identifier));
        List<Period> periods = new ArrayList<>();
        before.get(identifier).forEach((recordId, period) -> {
            if (!recordId.equals(record.id()) && !stored.containsKey(recordId)) {
                periods.add(period);
            }
        });
        storedByPupil.getOrDefault(identifier, Map.of()).forEach((recordId, period) -> {
            if (!recordId.equals(record.id())) {
                periods.add(period);
            }
        });
        return periods;
    }
}
