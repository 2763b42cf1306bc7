package nl.verzuimhub.simulator;

import java.time.LocalDate;
import java.util.SplittableRandom;
import nl.verzuimhub.core.identity.PupilIdentifier;

/**
 * Creates the region's pupils: aged 4 to 22 on {@link SimulatorCalendar#REFERENCE_DATE} (most of them of compulsory
 * school age), living in a municipality drawn by its share, about 70% with a postcode, about 3% with an
 * onderwijsnummer instead of a BSN, and placed in a school whose sector fits their age.
 */
final class PupilFactory {
    /** Relative number of pupils per age 4..22. */
    private static final int[] AGE_WEIGHTS = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 7, 5, 4, 3, 2};
    private static final int MIN_AGE = 4;

    private final SchoolNetwork schools;
    private final IdentifierFactory identifiers = new IdentifierFactory();

    PupilFactory(SchoolNetwork schools) {
        this.schools = schools;
    }

    PupilProfile create(int index, SplittableRandom rng) {
        Municipality home = Municipality.randomByWeight(rng);
        PupilIdentifier identifier = Draw.chance(rng, 0.03)
                ? identifiers.nextOnderwijsnummer(rng) : identifiers.nextBsn(rng);
        int age = MIN_AGE + Draw.weighted(rng, AGE_WEIGHTS);
        LocalDate birthDate = SimulatorCalendar.REFERENCE_DATE.minusYears(age).minusDays(rng.nextInt(365));
        String postcode = Draw.chance(rng, 0.7) ? home.randomPostcode(rng) : null;
        Sector sector = sectorFor(rng, age);
        School school = schools.place(rng, home, sector);
        String branch = school.branches().isEmpty() ? null : Draw.oneOf(rng, school.branches());
        return new PupilProfile(index, identifier, birthDate, home, postcode, school, branch, grade(rng, sector, age));
    }

    private static Sector sectorFor(SplittableRandom rng, int age) {
        if (age < 12) {
            return Draw.chance(rng, 0.05) ? Sector.SO : Sector.PO;
        }
        if (age < 16) {
            return Draw.chance(rng, 0.06) ? Sector.VSO : Sector.VO;
        }
        if (age < 18) {
            return new Sector[] {Sector.VO, Sector.MBO, Sector.VSO}[Draw.weighted(rng, 60, 35, 5)];
        }
        if (age == 18) {
            return new Sector[] {Sector.VO, Sector.MBO, Sector.VSO}[Draw.weighted(rng, 20, 75, 5)];
        }
        return age < 20 && Draw.chance(rng, 0.05) ? Sector.VSO : Sector.MBO;
    }

    /** The leerjaar (group 1-8 in primary, year 1-6 in secondary, 1-4 in vocational); sometimes not recorded. */
    private static Integer grade(SplittableRandom rng, Sector sector, int age) {
        boolean recorded = switch (sector) {
            case PO, VO, MBO -> Draw.chance(rng, 0.92);
            case SO, VSO -> Draw.chance(rng, 0.4);
        };
        if (!recorded) {
            return null;
        }
        return switch (sector) {
            case PO, SO -> clamp(age - 3, 1, 8);
            case VO, VSO -> clamp(age - 11, 1, 6);
            case MBO -> clamp(age - 15, 1, 4);
        };
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
