package nl.verzuimhub.bench.load;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.simulator.SyntheticRegion;

/**
 * A year of register changes for the load run: one or more synthetic regions (seeds {@code seed}, {@code seed + 1},
 * ...) merged into one feed. The calibrated generator gives a national year in one region (about 0.42 mutations per
 * pupil); the original one is capped at 1,000,000 pupils (about 450,000 mutations), so it needs two. Contracts: the merged feed is ordered by time (ties by region),
 * numbered 1, 2, 3, ... without gaps; each region's record ids get the region's number as a prefix of their serial
 * ({@code VM-2024-000017} of region 2 becomes {@code VM-2024-2000017}), so ids stay unique and every object's versions
 * stay in order. Pupils of different regions are different pupils except for the odd random identifier collision.
 */
final class NationalYear {
    private final List<Mutation> mutations;
    private final Set<String> municipalities = new TreeSet<>();
    private final Set<String> partnerships = new TreeSet<>();

    private NationalYear(List<Mutation> mutations) {
        this.mutations = mutations;
        for (Mutation mutation : mutations) {
            municipalities.add(mutation.record().pupil().municipality());
            mutation.record().school().ifPresent(school -> partnerships.add(school.partnership()));
        }
    }

    /**
     * @param calibrated true: f-region's calibrated generator ({@code SyntheticRegion.calibrated(seed).pupils(n)},
     *                   national rates; one region covers a national year), false: the original generator
     */
    static NationalYear generate(long seed, int pupilsPerRegion, int regions, boolean calibrated) {
        List<List<Mutation>> parts = new ArrayList<>();
        for (int region = 0; region < regions; region++) {
            List<Mutation> generated = (calibrated
                    ? SyntheticRegion.calibrated(seed + region).pupils(pupilsPerRegion).generate()
                    : SyntheticRegion.generate(seed + region, pupilsPerRegion)).mutations();
            parts.add(region == 0 ? generated : renamed(generated, region + 1));
        }
        List<Mutation> merged = new ArrayList<>();
        parts.forEach(merged::addAll);
        merged.sort(Comparator.comparing((Mutation m) -> m.occurredAt().toInstant()));
        List<Mutation> numbered = new ArrayList<>(merged.size());
        long sequence = 0;
        for (Mutation mutation : merged) {
            numbered.add(new Mutation(++sequence, mutation.action(), mutation.occurredAt(), mutation.record()));
        }
        return new NationalYear(numbered);
    }

    List<Mutation> mutations() {
        return mutations;
    }

    Set<String> municipalities() {
        return municipalities;
    }

    Set<String> partnerships() {
        return partnerships;
    }

    /** Mutations per kind and action, for the report. */
    Map<RecordKind, Map<String, Integer>> mix() {
        Map<RecordKind, Map<String, Integer>> mix = new EnumMap<>(RecordKind.class);
        for (Mutation mutation : mutations) {
            mix.computeIfAbsent(mutation.record().kind(), kind -> new java.util.TreeMap<>())
                    .merge(mutation.action().name(), 1, Integer::sum);
        }
        return mix;
    }

    private static List<Mutation> renamed(List<Mutation> mutations, int region) {
        List<Mutation> renamed = new ArrayList<>(mutations.size());
        for (Mutation mutation : mutations) {
            renamed.add(new Mutation(mutation.sequence(), mutation.action(), mutation.occurredAt(),
                    withId(mutation.record(), regionalId(mutation.record().id(), region))));
        }
        return renamed;
    }

    /** {@code VM-2024-000017} in region 2: {@code VM-2024-2000017}. */
    private static String regionalId(String id, int region) {
        int dash = id.lastIndexOf('-');
        return id.substring(0, dash + 1) + region + id.substring(dash + 1);
    }

    /** The same record with another id: the record's canonical constructor with its own components but the id. */
    private static RegisterRecord withId(RegisterRecord record, String id) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            boolean replaced = false;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getAccessor().invoke(record);
                if (components[i].getName().equals("id")) {
                    values[i] = id;
                    replaced = true;
                }
            }
            if (!replaced) {
                throw new IllegalStateException(record.getClass() + " has no component named id");
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (RegisterRecord) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }
}
