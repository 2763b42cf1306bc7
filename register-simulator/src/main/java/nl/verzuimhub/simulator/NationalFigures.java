package nl.verzuimhub.simulator;

/**
 * National leerplichttelling figures a calibrated region is scaled from: the number of pupils and, per school year,
 * pupils with absolute absence (total and lasting more than 3 months), with long-term relative absence (LRV, total
 * and more than 3 months) and with an exemption under article 5 onder a of the Leerplichtwet.
 *
 * <p>Contract: {@link #scaledTo(int, int)} gives the figure expected in a region of the given size (a plain
 * proportion, not rounded). The values of {@link #SCHOOL_YEAR_2020_2021} are those of {@code domain.md} (published
 * leerplichttelling series of the ministry, OCW).
 */
public record NationalFigures(String schoolYear, int pupils, int absoluteAbsence, int absoluteAbsenceOverThreeMonths,
                              int longTermRelative, int longTermRelativeOverThreeMonths, int exemptions5a) {

    /** 2020-2021: 2.4 million pupils; AV 5,491 (> 3 months 2,212), LRV 3,328 (> 3 months 2,180), 5a 7,083. */
    public static final NationalFigures SCHOOL_YEAR_2020_2021 =
            new NationalFigures("2020-2021", 2_400_000, 5_491, 2_212, 3_328, 2_180, 7_083);

    public NationalFigures {
        if (pupils <= 0 || absoluteAbsenceOverThreeMonths > absoluteAbsence
                || longTermRelativeOverThreeMonths > longTermRelative || Math.min(absoluteAbsenceOverThreeMonths,
                Math.min(longTermRelativeOverThreeMonths, exemptions5a)) < 0) {
            throw new IllegalArgumentException("inconsistent national figures");
        }
    }

    /** {@code figure} (one of this record's counts) in a region of {@code regionPupils}: figure x region / pupils. */
    public double scaledTo(int figure, int regionPupils) {
        return (double) figure * regionPupils / pupils;
    }

    /** A count of a region of {@code regionPupils} scaled up to the national number of pupils. */
    public double scaledUp(long regionCount, int regionPupils) {
        return (double) regionCount * pupils / regionPupils;
    }
}
