package nl.verzuimhub.core.calendar;

import java.util.Locale;

/**
 * The three school-holiday regions of the Netherlands (vakantieregio's). Which region a municipality belongs to is
 * published by the government (rijksoverheid.nl, "schoolvakanties"; roughly: noord = Groningen, Friesland, Drenthe,
 * Overijssel, Noord-Holland, Flevoland without Zeewolde, Eemnes; midden = Zuid-Holland, Utrecht, most of Gelderland;
 * zuid = Zeeland, Noord-Brabant, Limburg, the south of Gelderland) and kept as configuration, see
 * {@link MunicipalityRegions}.
 */
public enum HolidayRegion {
    NOORD, MIDDEN, ZUID;

    /** The region's code as used in configuration: {@code noord}, {@code midden} or {@code zuid}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The region with {@code code} (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException for anything else, naming the accepted codes
     */
    public static HolidayRegion fromCode(String code) {
        if (code != null) {
            for (HolidayRegion region : values()) {
                if (region.code().equalsIgnoreCase(code.strip())) {
                    return region;
                }
            }
        }
        throw new IllegalArgumentException("unknown holiday region '" + code + "': use noord, midden or zuid");
    }
}
