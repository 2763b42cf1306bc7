package nl.verzuimhub.simulator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Decides which pupils of a calibrated region get which {@link CalibratedCase}. How many of each is set by the
 * national figures and the region's size ({@link #quotas}); the seeded stream decides only who.
 *
 * <p>Contracts: {@link #assign} gives exactly the quota of every case whenever enough eligible pupils exist (else
 * every eligible one), never two cases to one pupil, and only to pupils whose age on
 * {@link SimulatorCalendar#REFERENCE_DATE} fits: 5 to 17 for AV, LRV and articles 5a, 5b, 5c; 14 to 16 for 3a, 15 to 17
 * for 3b, 16 to 17 for 15. Within that, about 30% of AV cases go to pupils with an onderwijsnummer (who make up 3% of
 * pupils: children without a BSN are far likelier to be enrolled nowhere) and 80% of LRV cases to pupils of
 * secondary age (12 to 17); the rest is uniform. Same inputs and seed, same assignment.
 */
final class QuotaAssignment {
    /** Share of AV signals the register withdraws (a false signal); they come on top of the counted ones. */
    static final double AV_WITHDRAWN_SHARE = 0.05;
    /** Share of LRV reports a school withdraws (filed in error), on top of the counted ones. */
    static final double LRV_WITHDRAWN_SHARE = 0.02;
    /** Share of 5a exemptions withdrawn, on top of the counted ones. */
    static final double EXEMPTION_WITHDRAWN_SHARE = 0.03;
    private static final double AV_ONDERWIJSNUMMER_SHARE = 0.30;
    private static final double LRV_SECONDARY_SHARE = 0.80;

    private QuotaAssignment() {
    }

    /**
     * How many pupils of a region of {@code pupils} get each case: the national figures scaled and rounded (the
     * short episodes are the rounded total minus the rounded long ones), withdrawn cases as a share on top, and the
     * other exemption articles in proportion to 5a as 3 (5b), 3 (5c), 2 (3a), 2 (3b) and 2 (15) to 8 (an assumption,
     * see docs/simulator.md).
     */
    static Map<CalibratedCase, Integer> quotas(NationalFigures figures, int pupils) {
        Map<CalibratedCase, Integer> quotas = new EnumMap<>(CalibratedCase.class);
        int av = round(figures.scaledTo(figures.absoluteAbsence(), pupils));
        int avLong = Math.min(av, round(figures.scaledTo(figures.absoluteAbsenceOverThreeMonths(), pupils)));
        int lrv = round(figures.scaledTo(figures.longTermRelative(), pupils));
        int lrvLong = Math.min(lrv, round(figures.scaledTo(figures.longTermRelativeOverThreeMonths(), pupils)));
        int fiveA = round(figures.scaledTo(figures.exemptions5a(), pupils));
        quotas.put(CalibratedCase.AV_LONG, avLong);
        quotas.put(CalibratedCase.AV_SHORT, av - avLong);
        quotas.put(CalibratedCase.AV_WITHDRAWN, round(av * AV_WITHDRAWN_SHARE));
        quotas.put(CalibratedCase.LRV_LONG, lrvLong);
        quotas.put(CalibratedCase.LRV_SHORT, lrv - lrvLong);
        quotas.put(CalibratedCase.LRV_WITHDRAWN, round(lrv * LRV_WITHDRAWN_SHARE));
        quotas.put(CalibratedCase.EXEMPTION_5A, fiveA);
        quotas.put(CalibratedCase.EXEMPTION_5A_WITHDRAWN, round(fiveA * EXEMPTION_WITHDRAWN_SHARE));
        quotas.put(CalibratedCase.EXEMPTION_5B, round(fiveA * 3 / 8.0));
        quotas.put(CalibratedCase.EXEMPTION_5C, round(fiveA * 3 / 8.0));
        quotas.put(CalibratedCase.EXEMPTION_3A, round(fiveA * 2 / 8.0));
        quotas.put(CalibratedCase.EXEMPTION_3B, round(fiveA * 2 / 8.0));
        quotas.put(CalibratedCase.EXEMPTION_15, round(fiveA * 2 / 8.0));
        return quotas;
    }

    /**
     * The case of every pupil as {@link CalibratedCase#code()} (0 for none), indexed like {@code ages}.
     *
     * @param ages             each pupil's age on the reference date
     * @param onderwijsnummer  the pupils identified by an onderwijsnummer instead of a BSN
     */
    static byte[] assign(Map<CalibratedCase, Integer> quotas, byte[] ages, BitSet onderwijsnummer,
                         SplittableRandom rng) {
        Pool pool = new Pool(ages, onderwijsnummer);
        for (Map.Entry<CalibratedCase, Integer> quota : quotas.entrySet()) {
            CalibratedCase kind = quota.getKey();
            int wanted = quota.getValue();
            if (kind.absoluteAbsence()) {
                IntPredicate compulsory = age -> age >= 5 && age <= 17;
                int without = pool.give(kind, round(wanted * AV_ONDERWIJSNUMMER_SHARE), compulsory, Boolean.TRUE, rng);
                pool.give(kind, wanted - without, compulsory, Boolean.FALSE, rng);
            } else if (kind.longTermRelative()) {
                IntPredicate secondaryAge = age -> age >= 12 && age <= 17;
                int secondary = pool.give(kind, round(wanted * LRV_SECONDARY_SHARE), secondaryAge, null, rng);
                int primary = pool.give(kind, wanted - secondary, age -> age >= 5 && age <= 11, null, rng);
                pool.give(kind, wanted - secondary - primary, secondaryAge, null, rng);
            } else {
                pool.give(kind, wanted, age -> ExemptionScript.fits(kind.article(), age), null, rng);
            }
        }
        return pool.cases;
    }

    /**
     * The pupils grouped by age and kind of number, and the cases given so far. A draw picks a uniformly random
     * pupil of the wanted groups and keeps it when it has no case yet (each set of pupils equally likely, and only
     * the quota's few draws instead of a pass over every pupil); when fewer than half of those pupils are still free
     * it walks them instead (selection sampling).
     */
    private static final class Pool {
        private static final int GROUPS = 2 * (Byte.MAX_VALUE + 1);

        final byte[] cases;
        private final int[][] members = new int[GROUPS][];
        private final int[] taken = new int[GROUPS];

        Pool(byte[] ages, BitSet onderwijsnummer) {
            cases = new byte[ages.length];
            int[] sizes = new int[GROUPS];
            for (int i = 0; i < ages.length; i++) {
                sizes[group(ages[i], onderwijsnummer.get(i))]++;
            }
            for (int g = 0; g < GROUPS; g++) {
                members[g] = new int[sizes[g]];
                sizes[g] = 0;
            }
            for (int i = 0; i < ages.length; i++) {
                int g = group(ages[i], onderwijsnummer.get(i));
                members[g][sizes[g]++] = i;
            }
        }

        private static int group(int age, boolean onderwijsnummer) {
            return 2 * Math.max(0, age) + (onderwijsnummer ? 1 : 0);
        }

        /**
         * Gives {@code kind} to {@code wanted} free pupils whose age {@code fits} (with an onderwijsnummer when
         * {@code withOnderwijsnummer} is true, with a BSN when false, either when null), or to all of them when fewer
         * are free; returns how many got it.
         */
        int give(CalibratedCase kind, int wanted, IntPredicate fits, Boolean withOnderwijsnummer,
                 SplittableRandom rng) {
            List<Integer> groups = new ArrayList<>();
            int total = 0;
            int free = 0;
            for (int age = 0; age <= Byte.MAX_VALUE; age++) {
                for (int on = 0; on < 2; on++) {
                    if (fits.test(age) && (withOnderwijsnummer == null || withOnderwijsnummer == (on == 1))) {
                        int g = group(age, on == 1);
                        groups.add(g);
                        total += members[g].length;
                        free += members[g].length - taken[g];
                    }
                }
            }
            if (wanted <= 0) {
                return 0;
            }
            if (2 * free < total || wanted >= free) {
                return walk(kind, Math.min(wanted, free), free, groups, rng);
            }
            int given = 0;
            while (given < wanted) {
                int pick = rng.nextInt(total);
                for (int g : groups) {
                    if (pick < members[g].length) {
                        int pupil = members[g][pick];
                        if (cases[pupil] == 0) {
                            cases[pupil] = kind.code();
                            taken[g]++;
                            given++;
                        }
                        break;
                    }
                    pick -= members[g].length;
                }
            }
            return given;
        }

        /** Selection sampling over the free pupils of {@code groups}: exactly {@code wanted} of the {@code free}. */
        private int walk(CalibratedCase kind, int wanted, int free, List<Integer> groups, SplittableRandom rng) {
            int given = 0;
            int left = free;
            for (int g : groups) {
                for (int pupil : members[g]) {
                    if (given == wanted) {
                        return given;
                    }
                    if (cases[pupil] == 0) {
                        if (rng.nextInt(left) < wanted - given) {
                            cases[pupil] = kind.code();
                            taken[g]++;
                            given++;
                        }
                        left--;
                    }
                }
            }
            return given;
        }
    }

    private static int round(double value) {
        return (int) Math.round(value);
    }
}
