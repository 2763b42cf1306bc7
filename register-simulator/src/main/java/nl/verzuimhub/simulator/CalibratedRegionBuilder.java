package nl.verzuimhub.simulator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import nl.verzuimhub.core.identity.PupilIdentifier;

/**
 * Configures and generates a calibrated region (see {@link SyntheticRegion#calibrated(long)}, which creates it).
 * Defaults: 100,000 pupils, school year 2024-2025, the 2020-2021 national figures. Not thread-safe;
 * {@link #generate()} may be called more than once and gives the same region each time.
 */
public final class CalibratedRegionBuilder {
    /** The largest calibrated region: the whole country and some margin (2.4 million pupils nationally). */
    public static final int MAX_PUPILS = 3_000_000;
    /** The only school year the simulator's calendar covers. */
    public static final String SCHOOL_YEAR = "2024-2025";

    private final long seed;
    private int pupils = 100_000;
    private NationalFigures figures = NationalFigures.SCHOOL_YEAR_2020_2021;

    CalibratedRegionBuilder(long seed) {
        this.seed = seed;
    }

    /** The region's number of pupils, 0 to {@link #MAX_PUPILS}. */
    public CalibratedRegionBuilder pupils(int pupils) {
        if (pupils < 0 || pupils > MAX_PUPILS) {
            throw new IllegalArgumentException("pupils must be 0.." + MAX_PUPILS + ", was " + pupils);
        }
        this.pupils = pupils;
        return this;
    }

    /**
     * The school year the feed covers, as {@code "2024-2025"}.
     *
     * @throws IllegalArgumentException for any other year: the simulator's calendar and dates cover 2024-2025
     */
    public CalibratedRegionBuilder schoolYear(String schoolYear) {
        if (!SCHOOL_YEAR.equals(schoolYear)) {
            throw new IllegalArgumentException("the simulator generates school year " + SCHOOL_YEAR + ", not "
                    + schoolYear);
        }
        return this;
    }

    /** The national figures to scale from (default {@link NationalFigures#SCHOOL_YEAR_2020_2021}). */
    public CalibratedRegionBuilder figures(NationalFigures figures) {
        this.figures = Objects.requireNonNull(figures, "figures");
        return this;
    }

    public SyntheticRegion generate() {
        SchoolNetwork schools = new SchoolNetwork(new SplittableRandom(Seeds.derive(seed, Seeds.SCHOOLS)));
        byte[] cases = assignCases(schools);
        PupilFactory pupilFactory = new PupilFactory(schools);
        CaseMix caseMix = CaseMix.calibrated(schools);
        List<PlannedHistory> planned = new ArrayList<>();
        for (int index = 0; index < pupils; index++) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, index));
            planned.addAll(caseMix.plan(pupilFactory.create(index, rng), rng, CalibratedCase.of(cases[index])));
        }
        SplittableRandom gaps = new SplittableRandom(Seeds.derive(seed, Seeds.SEQUENCE_GAPS));
        return new SyntheticRegion(FeedAssembler.assemble(planned, gaps));
    }

    /**
     * A first pass over the pupils (the same ones the second pass creates, from the same streams) records only
     * each one's age and kind of number, from which the quota assignment picks who gets which case.
     */
    private byte[] assignCases(SchoolNetwork schools) {
        PupilFactory survey = new PupilFactory(schools);
        byte[] ages = new byte[pupils];
        BitSet onderwijsnummer = new BitSet(pupils);
        for (int index = 0; index < pupils; index++) {
            PupilProfile profile = survey.create(index, new SplittableRandom(Seeds.derive(seed, index)));
            ages[index] = (byte) profile.ageOn(SimulatorCalendar.REFERENCE_DATE);
            if (profile.identifier().type() == PupilIdentifier.Type.ONDERWIJSNUMMER) {
                onderwijsnummer.set(index);
            }
        }
        return QuotaAssignment.assign(QuotaAssignment.quotas(figures, pupils), ages, onderwijsnummer,
                new SplittableRandom(Seeds.derive(seed, Seeds.QUOTAS)));
    }
}
