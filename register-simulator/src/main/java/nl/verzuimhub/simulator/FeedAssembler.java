package nl.verzuimhub.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.RecordKind;

/**
 * Turns planned histories into the register's feed.
 *
 * <p>Contracts: every step becomes one {@link Mutation}; mutations are ordered by time (ties broken by pupil,
 * object and step, so the order is total and reproducible); sequence numbers start at 1 and strictly increase, with
 * an occasional gap of 1 to 4; object ids ({@code VM-}, {@code VR-}, {@code ZM-}, {@code AV-} followed by
 * {@code 2024-} and six digits) are numbered per kind in the order objects first appear; each record's
 * {@code lastChanged} is its mutation's time.
 */
final class FeedAssembler {
    private static final double GAP_CHANCE = 0.03;

    private FeedAssembler() {
    }

    private record Entry(Instant instant, int planned, int pupil, int ordinal, int stepIndex, Step step) {
    }

    static List<Mutation> assemble(List<PlannedHistory> planned, SplittableRandom gaps) {
        List<Entry> entries = new ArrayList<>();
        for (int p = 0; p < planned.size(); p++) {
            PlannedHistory plan = planned.get(p);
            List<Step> steps = plan.history().steps();
            for (int s = 0; s < steps.size(); s++) {
                Step step = steps.get(s);
                entries.add(new Entry(step.at().toInstant(), p, plan.pupilIndex(), plan.ordinal(), s, step));
            }
        }
        entries.sort(Comparator.comparing(Entry::instant).thenComparingInt(Entry::pupil)
                .thenComparingInt(Entry::ordinal).thenComparingInt(Entry::stepIndex));

        String[] ids = new String[planned.size()];
        Map<RecordKind, Integer> counters = new EnumMap<>(RecordKind.class);
        List<Mutation> mutations = new ArrayList<>(entries.size());
        long sequence = 0;
        for (Entry entry : entries) {
            PlannedHistory plan = planned.get(entry.planned());
            if (ids[entry.planned()] == null) {
                RecordKind kind = plan.history().kind();
                int number = counters.merge(kind, 1, Integer::sum);
                ids[entry.planned()] = prefix(kind) + "-2024-" + zeroPadded(number, 6);
            }
            sequence += sequence == 0 || !Draw.chance(gaps, GAP_CHANCE) ? 1 : 1 + Draw.between(gaps, 1, 4);
            Step step = entry.step();
            mutations.add(new Mutation(sequence, step.action(), step.at(),
                    plan.history().stateAt(entry.stepIndex(), ids[entry.planned()], plan.timeline().at(step.at()))));
        }
        return List.copyOf(mutations);
    }

    private static String zeroPadded(int number, int width) {
        String digits = Integer.toString(number);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    private static String prefix(RecordKind kind) {
        return switch (kind) {
            case VERZUIMMELDING -> "VM";
            case VRIJSTELLING -> "VR";
            case ZIEKMELDING -> "ZM";
            case ABSOLUUT_VERZUIM -> "AV";
        };
    }
}
