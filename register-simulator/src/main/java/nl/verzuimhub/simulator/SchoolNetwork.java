package nl.verzuimhub.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The region's schools, generated from one seeded stream (same seed, same schools), and how pupils are placed in
 * them: mostly in their own municipality, a few across a boundary, and in a larger neighbour when their own
 * municipality has no school of their sector.
 */
final class SchoolNetwork {
    private final List<School> schools = new ArrayList<>();
    private final Map<Municipality, Map<Sector, List<School>>> bySector = new EnumMap<>(Municipality.class);

    SchoolNetwork(SplittableRandom rng) {
        Set<String> brins = new HashSet<>();
        for (Municipality municipality : Municipality.values()) {
            Map<Sector, List<School>> local = new EnumMap<>(Sector.class);
            for (Sector sector : Sector.values()) {
                List<School> ofSector = new ArrayList<>();
                for (int i = 0; i < municipality.schoolCount(sector); i++) {
                    String brin = uniqueBrin(rng, brins);
                    School school = new School(brin, branches(rng), sector, municipality,
                            municipality.partnership(sector), SyntheticTexts.staff(rng, brin, municipality));
                    ofSector.add(school);
                    schools.add(school);
                }
                local.put(sector, List.copyOf(ofSector));
            }
            bySector.put(municipality, local);
        }
    }

    List<School> schools() {
        return List.copyOf(schools);
    }

    /** A school of {@code sector} for a pupil living in {@code home}. */
    School place(SplittableRandom rng, Municipality home, Sector sector) {
        Municipality where = home;
        if (Draw.chance(rng, home.crossBoundaryShare())) {
            where = Draw.oneOf(rng, home.schoolNeighbours());
        }
        while (schoolsOf(where, sector).isEmpty()) {
            where = Objects.requireNonNull(where.fallback(), "every fallback chain ends in a complete municipality");
        }
        return Draw.oneOf(rng, schoolsOf(where, sector));
    }

    /**
     * Another school of the same sector near {@code home} (its own or a neighbouring municipality, same holiday
     * region), or null when there is none.
     */
    School another(SplittableRandom rng, Municipality home, School current) {
        List<School> candidates = new ArrayList<>();
        List<Municipality> near = new ArrayList<>(home.schoolNeighbours());
        near.add(0, home);
        for (Municipality municipality : near) {
            for (School school : schoolsOf(municipality, current.sector())) {
                if (school != current && school.municipality().holidayRegion() == home.holidayRegion()) {
                    candidates.add(school);
                }
            }
        }
        return candidates.isEmpty() ? null : Draw.oneOf(rng, candidates);
    }

    private List<School> schoolsOf(Municipality municipality, Sector sector) {
        return bySector.get(municipality).get(sector);
    }

    private static String uniqueBrin(SplittableRandom rng, Set<String> taken) {
        String brin;
        do {
            brin = String.format("%02d", rng.nextInt(100)) + (char) ('A' + rng.nextInt(26))
                    + (char) ('A' + rng.nextInt(26));
        } while (!taken.add(brin));
        return brin;
    }

    private static List<String> branches(SplittableRandom rng) {
        if (!Draw.chance(rng, 0.35)) {
            return List.of();
        }
        int count = Draw.between(rng, 2, 4);
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            branches.add(String.format("%02d", i));
        }
        return branches;
    }
}
