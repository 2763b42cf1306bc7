package nl.verzuimhub.simulator;

import java.util.BitSet;
import java.util.EnumMap;
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
        byte[] cases = new byte[ages.length];
        for (Map.Entry<CalibratedCase, Integer> quota : quotas.entrySet()) {
            CalibratedCase kind = quota.getKey();
            int wanted = quota.getValue();
            if (kind.absoluteAbsence()) {
                IntPredicate compulsory = i -> ages[i] >= 5 && ages[i] <= 17;
                int without = select(cases, kind, compulsory.and(onderwijsnummer::get),
                        round(wanted * AV_ONDERWIJSNUMMER_SHARE), rng);
                select(cases, kind, compulsory.and(i -> !onderwijsnummer.get(i)), wanted - without, rng);
            } else if (kind.longTermRelative()) {
                int secondary = select(cases, kind, i -> ages[i] >= 12 && ages[i] <= 17,
                        round(wanted * LRV_SECONDARY_SHARE), rng);
                int primary = select(cases, kind, i -> ages[i] >= 5 && ages[i] <= 11, wanted - secondary, rng);
                select(cases, kind, i -> ages[i] >= 12 && ages[i] <= 17, wanted - secondary - primary, rng);
            } else {
                select(cases, kind, i -> ExemptionScript.fits(kind.article(), ages[i]), wanted, rng);
            }
        }
        return cases;
    }

    /**
     * Gives {@code kind} to exactly {@code wanted} of the pupils without a case who are {@code eligible} (or to all
     * of them when fewer), each such set equally likely (selection sampling); returns how many got it.
     */
    private static int select(byte[] cases, CalibratedCase kind, IntPredicate eligible, int wanted,
                              SplittableRandom rng) {
        int candidates = 0;
        for (int i = 0; i < cases.length; i++) {
            if (cases[i] == 0 && eligible.test(i)) {
                candidates++;
            }
        }
        int chosen = 0;
        for (int i = 0; i < cases.length && chosen < wanted; i++) {
            if (cases[i] == 0 && eligible.test(i)) {
                if (rng.nextInt(candidates) < wanted - chosen) {
                    cases[i] = kind.code();
                    chosen++;
                }
                candidates--;
            }
        }
        return chosen;
    }

    private static int round(double value) {
        return (int) Math.round(value);
    }
}
