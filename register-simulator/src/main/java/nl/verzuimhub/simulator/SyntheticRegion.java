package nl.verzuimhub.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.RegisterRecord;

/**
 * A synthetic region (Amsterdam, Diemen, the Amstelland municipalities, Rotterdam and 's-Gravenhage) with its pupils,
 * schools and the national register's change feed about them over school year 2024-2025.
 *
 * <p>Contracts:
 * <ul>
 *   <li>Deterministic: the same seed and size give identical mutations (and so identical register pages); nothing
 *       depends on the wall clock, the locale or unseeded randomness.</li>
 *   <li>{@link #mutations()} is in feed order: sequence numbers start at 1 and strictly increase with occasional
 *       gaps; times ({@code occurredAt}, Europe/Amsterdam offsets) never decrease; each object's versions appear as
 *       1, 2, 3, ... with the first {@code NIEUW} and the rest {@code GEWIJZIGD} or, last, {@code INGETROKKEN}; each
 *       record's {@code lastChanged} equals its mutation's {@code occurredAt}.</li>
 *   <li>Every pupil number passes hub-core's eleven-test and identifies one pupil; every record is built with
 *       hub-core's own constructors, so it passes their validation.</li>
 *   <li>All data are synthetic: no real person, pupil, school employee or case is described.</li>
 * </ul>
 * Immutable and thread-safe once generated.
 */
public final class SyntheticRegion {
    /** Upper bound on the size: the onderwijsnummer space (about 90,000 numbers) must not run out. */
    static final int MAX_PUPILS = 1_000_000;

    private final List<Mutation> mutations;
    private final Set<String> municipalities;
    private final Set<String> partnerships;

    SyntheticRegion(List<Mutation> mutations) {
        this.mutations = List.copyOf(mutations);
        Set<String> municipalityCodes = new TreeSet<>();
        Set<String> partnershipCodes = new TreeSet<>();
        for (Mutation mutation : mutations) {
            RegisterRecord record = mutation.record();
            municipalityCodes.add(record.pupil().municipality());
            record.school().ifPresent(school -> partnershipCodes.add(school.partnership()));
        }
        this.municipalities = Collections.unmodifiableSet(municipalityCodes);
        this.partnerships = Collections.unmodifiableSet(partnershipCodes);
    }

    /**
     * Generates the region; same seed and size => identical output, byte for byte.
     *
     * @param seed   any value; different seeds give different regions
     * @param pupils number of pupils, 0 to 1,000,000 (the run command uses about 4000); only some of them appear in
     *               the register
     * @throws IllegalArgumentException when {@code pupils} is out of range
     */
    public static SyntheticRegion generate(long seed, int pupils) {
        if (pupils < 0 || pupils > MAX_PUPILS) {
            throw new IllegalArgumentException("pupils must be 0.." + MAX_PUPILS + ", was " + pupils);
        }
        SchoolNetwork schools = new SchoolNetwork(new SplittableRandom(Seeds.derive(seed, Seeds.SCHOOLS)));
        PupilFactory pupilFactory = new PupilFactory(schools);
        CaseMix caseMix = new CaseMix(schools, new SplittableRandom(Seeds.derive(seed, Seeds.EXEMPTION_DECK)));
        List<PlannedHistory> planned = new ArrayList<>();
        for (int index = 0; index < pupils; index++) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, index));
            planned.addAll(caseMix.plan(pupilFactory.create(index, rng), rng));
        }
        SplittableRandom gaps = new SplittableRandom(Seeds.derive(seed, Seeds.SEQUENCE_GAPS));
        return new SyntheticRegion(FeedAssembler.assemble(planned, gaps));
    }

    /**
     * A builder for a calibrated region: one whose yearly leerplichttelling indicators (absolute absence and LRV, each
     * in total and lasting more than 3 months, and 5a exemptions), scaled to the national number of pupils, equal
     * the national figures of {@link NationalFigures#SCHOOL_YEAR_2020_2021} up to rounding. The number of cases per
     * indicator follows from the figures and the size; the seed decides which pupils, where and when; durations land
     * on their side of 3 months by construction. The rest of the case mix (other absence types, sick reports, other
     * exemption articles, withdrawals, moves, school changes) is drawn at the rates of {@link #generate}; see
     * {@code docs/simulator.md} for the rates and their sources. Same seed, size and figures give identical output.
     *
     * @param seed any value; different seeds give different regions
     */
    public static CalibratedRegionBuilder calibrated(long seed) {
        return new CalibratedRegionBuilder(seed);
    }

    /**
     * The feed: hub-core mutations, strictly increasing sequence (with gaps), ordered by {@code occurredAt}.
     * Unmodifiable.
     */
    public List<Mutation> mutations() {
        return mutations;
    }

    /** The CBS codes of the municipalities of residence that occur in the feed, sorted. Unmodifiable. */
    public Set<String> municipalities() {
        return municipalities;
    }

    /** The samenwerkingsverband codes of the schools that occur in the feed, sorted. Unmodifiable. */
    public Set<String> partnerships() {
        return partnerships;
    }

    @Override
    public String toString() {
        return "SyntheticRegion(" + mutations.size() + " mutations)";
    }
}
