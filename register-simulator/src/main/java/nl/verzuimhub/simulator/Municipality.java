package nl.verzuimhub.simulator;

import java.util.List;
import java.util.SplittableRandom;
import nl.verzuimhub.core.calendar.HolidayRegion;
import nl.verzuimhub.core.calendar.MunicipalityRegions;

/**
 * The eight municipalities of the synthetic region: CBS code, share of the region's pupils, postcode range, the
 * partnerships (samenwerkingsverbanden) its schools belong to, telephone area code, and its schools by
 * sector. Amsterdam and Diemen form partnership 27-01, the Amstelland municipalities 27-02.
 */
enum Municipality {
    AMSTERDAM("0363", "Amsterdam", 45, new int[] {1011, 1109}, 27_01, "020", 8, 2, 6, 1, 2),
    ROTTERDAM("0599", "Rotterdam", 20, new int[] {3011, 3089}, 28_01, "010", 4, 1, 3, 1, 1),
    DEN_HAAG("0518", "'s-Gravenhage", 17, new int[] {2501, 2599}, 28_05, "070", 4, 1, 3, 1, 1),
    AMSTELVEEN("0362", "Amstelveen", 6, new int[] {1180, 1189}, 27_02, "020", 2, 1, 2, 0, 0),
    DIEMEN("0384", "Diemen", 3, new int[] {1110, 1113}, 27_01, "020", 1, 0, 1, 0, 0),
    AALSMEER("0358", "Aalsmeer", 3, new int[] {1430, 1433}, 27_02, "0297", 1, 0, 1, 0, 0),
    OUDER_AMSTEL("0437", "Ouder-Amstel", 2, new int[] {1190, 1191}, 27_02, "020", 1, 0, 0, 0, 0),
    UITHOORN("0451", "Uithoorn", 4, new int[] {1420, 1423}, 27_02, "0297", 1, 0, 1, 0, 0);

    private static final List<String> EXCLUDED_POSTCODE_LETTERS = List.of("SA", "SD", "SS");
    private static final Municipality[] ALL = values();
    private static final int[] WEIGHTS = java.util.Arrays.stream(ALL).mapToInt(m -> m.weight).toArray();

    private final String code;
    private final String displayName;
    private final int weight;
    private final int[] postcodeRange;
    private final int partnershipNumber;
    private final String areaCode;
    private final HolidayRegion holidayRegion;
    private final int[] schoolsPerSector;

    Municipality(String code, String displayName, int weight, int[] postcodeRange, int partnershipNumber,
                 String areaCode, int... schoolsPerSector) {
        this.code = code;
        this.displayName = displayName;
        this.weight = weight;
        this.postcodeRange = postcodeRange;
        this.partnershipNumber = partnershipNumber;
        this.areaCode = areaCode;
        this.holidayRegion = MunicipalityRegions.DEFAULTS.regionOf(code).orElseThrow();
        this.schoolsPerSector = schoolsPerSector;
    }

    /** CBS gemeentecode, four digits. */
    String code() {
        return code;
    }

    String displayName() {
        return displayName;
    }

    /** The school-holiday region, as hub-core's configuration defaults assign this municipality. */
    HolidayRegion holidayRegion() {
        return holidayRegion;
    }

    String areaCode() {
        return areaCode;
    }

    /** How many schools of {@code sector} stand in this municipality. */
    int schoolCount(Sector sector) {
        return schoolsPerSector[sector.ordinal()];
    }

    /** The partnership a school of {@code sector} here belongs to: PO for primary and special primary, else VO. */
    String partnership(Sector sector) {
        return (sector.primary() ? "PO" : "VO") + String.format("%04d", partnershipNumber);
    }

    /** Where pupils from here go to school besides their own municipality (the few who cross a boundary). */
    List<Municipality> schoolNeighbours() {
        return switch (this) {
            case AMSTERDAM -> List.of(DIEMEN, AMSTELVEEN);
            case DIEMEN, OUDER_AMSTEL -> List.of(AMSTERDAM);
            case AMSTELVEEN -> List.of(AMSTERDAM);
            case AALSMEER, UITHOORN -> List.of(AMSTELVEEN);
            case ROTTERDAM -> List.of(DEN_HAAG);
            case DEN_HAAG -> List.of(ROTTERDAM);
        };
    }

    /** Share of pupils who attend a school in a {@link #schoolNeighbours() neighbouring} municipality. */
    double crossBoundaryShare() {
        return switch (this) {
            case AMSTERDAM -> 0.02;
            case DIEMEN -> 0.25;
            case AMSTELVEEN -> 0.10;
            case OUDER_AMSTEL -> 0.30;
            case AALSMEER, UITHOORN -> 0.05;
            case ROTTERDAM, DEN_HAAG -> 0.01;
        };
    }

    /** Where pupils go when this municipality has no school of their sector; null when it has every sector. */
    Municipality fallback() {
        return switch (this) {
            case AALSMEER, OUDER_AMSTEL, UITHOORN -> AMSTELVEEN;
            case AMSTELVEEN, DIEMEN -> AMSTERDAM;
            case AMSTERDAM, ROTTERDAM, DEN_HAAG -> null;
        };
    }

    /** Where a pupil from here may move to during the year (always within the same holiday region). */
    List<Municipality> moveTargets() {
        return switch (this) {
            case AMSTERDAM -> List.of(DIEMEN, AMSTELVEEN, OUDER_AMSTEL);
            case DIEMEN -> List.of(AMSTERDAM);
            case AMSTELVEEN -> List.of(AMSTERDAM, OUDER_AMSTEL, UITHOORN);
            case AALSMEER -> List.of(AMSTELVEEN, UITHOORN);
            case OUDER_AMSTEL -> List.of(AMSTERDAM, AMSTELVEEN);
            case UITHOORN -> List.of(AMSTELVEEN, AALSMEER);
            case ROTTERDAM -> List.of(DEN_HAAG);
            case DEN_HAAG -> List.of(ROTTERDAM);
        };
    }

    /** A synthetic postcode in this municipality's range: four digits and two capitals (never SA, SD or SS). */
    String randomPostcode(SplittableRandom rng) {
        int digits = Draw.between(rng, postcodeRange[0], postcodeRange[1]);
        String letters;
        do {
            letters = "" + (char) ('A' + rng.nextInt(26)) + (char) ('A' + rng.nextInt(26));
        } while (EXCLUDED_POSTCODE_LETTERS.contains(letters));
        return digits + letters;
    }

    /** A municipality drawn by pupil share. */
    static Municipality randomByWeight(SplittableRandom rng) {
        return ALL[Draw.weighted(rng, WEIGHTS)];
    }
}
