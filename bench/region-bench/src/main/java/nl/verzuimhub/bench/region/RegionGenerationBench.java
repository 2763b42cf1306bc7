package nl.verzuimhub.bench.region;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.calendar.SchoolYear;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.statistics.Indicators;
import nl.verzuimhub.core.statistics.LeerplichttellingCalculator;
import nl.verzuimhub.simulator.NationalFigures;
import nl.verzuimhub.simulator.SyntheticRegion;

/**
 * Generates a calibrated region ({@code SyntheticRegion.calibrated(seed).pupils(n)}) once and reports what a load
 * benchmark needs to know about it: pupils, mutations per record kind and action, wall-clock seconds of the
 * generation, the heap it took (peak per heap pool, summed: an upper bound; and what the region retains after a full
 * GC), and the leerplichttelling of the whole region scaled to the country next to the national figures.
 *
 * <p>Usage: {@code RegionGenerationBench [pupils (default 2400000)] [seed (default 20241001)]}. Run in a JVM of its
 * own (the heap figures are the process's), e.g. {@code java -Xmx3g}.
 */
public final class RegionGenerationBench {
    private RegionGenerationBench() {
    }

    public static void main(String[] args) {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 2_400_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20241001L;

        long start = System.nanoTime();
        SyntheticRegion region = SyntheticRegion.calibrated(seed).pupils(pupils).generate();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = peakHeapBytes();
        List<Mutation> mutations = region.mutations();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long retained = runtime.totalMemory() - runtime.freeMemory();

        System.out.printf("pupils %,d  seed %d  max heap %,d MB%n", pupils, seed, runtime.maxMemory() >> 20);
        System.out.printf("mutations %,d  in %.1f s (%,.0f mutations/s)%n", mutations.size(), seconds,
                mutations.size() / seconds);
        System.out.printf("heap: peak (sum of pool peaks, upper bound) %,d MB; retained after GC %,d MB%n",
                peakHeap >> 20, retained >> 20);
        printMix(mutations);
        printIndicators(mutations, pupils);
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void printMix(List<Mutation> mutations) {
        Map<RecordKind, Map<MutationAction, Integer>> mix = new EnumMap<>(RecordKind.class);
        for (Mutation mutation : mutations) {
            mix.computeIfAbsent(mutation.record().kind(), k -> new EnumMap<>(MutationAction.class))
                    .merge(mutation.action(), 1, Integer::sum);
        }
        mix.forEach((kind, actions) -> System.out.printf("  %-17s %s%n", kind, actions));
    }

    private static void printIndicators(List<Mutation> mutations, int pupils) {
        if (pupils == 0) {
            return;
        }
        NationalFigures national = NationalFigures.SCHOOL_YEAR_2020_2021;
        SchoolYear year = new SchoolYear(2024);
        List<RegisterRecord> records = mutations.stream().map(Mutation::record).toList();
        Indicators counted = new LeerplichttellingCalculator().calculate(records, year, year.lastDay());
        Map<String, long[]> rows = new LinkedHashMap<>();
        rows.put("AV", new long[] {counted.absoluteAbsence(), national.absoluteAbsence()});
        rows.put("AV > 3 months", new long[] {counted.absoluteAbsenceOverThreeMonths(),
            national.absoluteAbsenceOverThreeMonths()});
        rows.put("LRV", new long[] {counted.lrv(), national.longTermRelative()});
        rows.put("LRV > 3 months", new long[] {counted.lrvOverThreeMonths(),
            national.longTermRelativeOverThreeMonths()});
        rows.put("5a", new long[] {counted.exemptions().get(ExemptionArticle.ART_5A),
            national.exemptions5a()});
        System.out.println("leerplichttelling 2024-2025 (LeerplichttellingCalculator), scaled to "
                + national.pupils() + " pupils, against " + national.schoolYear() + ":");
        rows.forEach((name, row) -> {
            double scaled = national.scaledUp(row[0], pupils);
            System.out.printf("  %-17s region %,7d  scaled %,9.0f  national %,6d  (%+.1f%%)%n", name,
                    row[0], scaled, row[1], 100 * (scaled - row[1]) / row[1]);
        });
    }
}
