package nl.verzuimhub.server.register;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.RecordKind;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The register records as one register page sees them while it is decided in memory: what was stored before the
 * page (read ahead in a few queries, {@code know*}), overlaid with the page's own changes ({@link #store}), so each
 * mutation sees exactly what it would have seen had every earlier mutation of the page already been written. Plain
 * class; the only I/O is the {@code loader} for a row not read ahead (a safety net: ingest reads ahead everything it
 * asks about).
 *
 * <p>{@link #changes()} is what the page writes: the last stored state of every record it changed.
 */
final class PageRecords {
    /** A record version the page stored: the mutation and its payload (null for a withdrawal). */
    record Change(Mutation mutation, String payload) {
        /** Without the payload (personal data); the mutation prints without it as well. */
        @Override
        public String toString() {
            return "Change[" + mutation + ", payload " + (payload == null ? "none" : payload.length() + " chars") + "]";
        }
    }

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final Map<RecordKey, Optional<Integer>> versions = new HashMap<>();
    private final Map<RecordKey, Optional<StoredRecords.Location>> locations = new HashMap<>();
    private final Map<RecordKey, Optional<String>> payloads = new HashMap<>();
    private final Map<RecordKey, Change> changes = new LinkedHashMap<>();
    private final Function<RecordKey, StoredSnapshot> loader;
    private final ObjectMapper json;

    /**
     * @param loader reads one row (version, location and payload) as stored before the page;
     *               {@link StoredSnapshot#NONE} when there is none
     */
    PageRecords(Function<RecordKey, StoredSnapshot> loader, ObjectMapper json) {
        this.loader = loader;
        this.json = json;
    }

    /** Rows read ahead: version and location; the payload too when {@code withPayload}. Absent keys: no row. */
    void know(Collection<RecordKey> asked, Map<RecordKey, StoredSnapshot> found, boolean withPayload) {
        for (RecordKey key : asked) {
            StoredSnapshot row = found.getOrDefault(key, StoredSnapshot.NONE);
            versions.putIfAbsent(key, Optional.ofNullable(row.version()));
            locations.putIfAbsent(key, Optional.ofNullable(row.location()));
            if (withPayload) {
                payloads.putIfAbsent(key, Optional.ofNullable(row.payload()));
            }
        }
    }

    /** A row's stored location read ahead on its own (with the deliveries that name the record). */
    void knowLocation(RecordKey key, StoredRecords.Location location) {
        locations.putIfAbsent(key, Optional.ofNullable(location));
    }

    /** True when {@code version} is higher than the stored version (or nothing is stored): the mutation applies. */
    boolean newer(RecordKey key, int version) {
        Optional<Integer> stored = known(versions, key);
        return stored.isEmpty() || stored.get() < version;
    }

    /** Where the stored record says the pupil is, or null when nothing with data is stored. */
    StoredRecords.Location location(RecordKey key) {
        return known(locations, key).orElse(null);
    }

    /** As {@link StoredRecords#find}: the stored record unless withdrawn (or never stored). */
    List<StoredRecords.Stored> find(RecordKind kind, String recordId) {
        RecordKey key = new RecordKey(kind.name(), recordId);
        Optional<String> payload = known(payloads, key);
        if (payload.isEmpty()) {
            return List.of();
        }
        int version = known(versions, key).orElseThrow();
        return List.of(new StoredRecords.Stored(StoredRecordReader.read(kind, recordId, version,
                json.readValue(payload.get(), FIELDS)), location(key)));
    }

    /** Stores a mutation that {@link #newer} accepted; a withdrawal keeps only the version, its data is erased. */
    void store(Mutation mutation, String payload) {
        var record = mutation.record();
        RecordKey key = RecordKey.of(record);
        boolean withdrawn = mutation.action() == MutationAction.INGETROKKEN;
        versions.put(key, Optional.of(record.version()));
        locations.put(key, withdrawn ? Optional.empty() : Optional.of(new StoredRecords.Location(
                record.pupil().municipality(), record.school().map(Enrolment::partnership).orElse(null))));
        payloads.put(key, withdrawn ? Optional.empty() : Optional.of(payload));
        changes.put(key, new Change(mutation, withdrawn ? null : payload));
    }

    /** The page's writes: per changed record its last version, in the order the records were first changed. */
    Collection<Change> changes() {
        return changes.values();
    }

    /** What {@code map} knows of {@code key}; a row not read ahead is read now, before the page's writes. */
    private <T> Optional<T> known(Map<RecordKey, Optional<T>> map, RecordKey key) {
        if (!map.containsKey(key)) {
            StoredSnapshot row = loader.apply(key);
            versions.putIfAbsent(key, Optional.ofNullable(row.version()));
            locations.putIfAbsent(key, Optional.ofNullable(row.location()));
            payloads.putIfAbsent(key, Optional.ofNullable(row.payload()));
        }
        return map.get(key);
    }
}
