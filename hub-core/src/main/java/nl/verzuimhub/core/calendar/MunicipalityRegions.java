package nl.verzuimhub.core.calendar;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which holiday region each municipality (CBS gemeentecode) belongs to: configuration, with {@link #DEFAULTS} for the
 * municipalities of the synthetic region (register-simulator): the Amsterdam and Amstelland municipalities are in
 * Noord-Holland (noord), Rotterdam and 's-Gravenhage in Zuid-Holland (midden), as the government's regional split
 * assigns them.
 *
 * <p>A municipality that is not configured has no region: {@link #regionOf(String)} is empty and
 * {@link #calendarOf(String)} throws, so a missing entry shows instead of silently using some region.
 */
public final class MunicipalityRegions {
    private static final Pattern CODE = Pattern.compile("\\d{4}");

    /** The simulator's municipalities: 0363 Amsterdam, 0362 Amstelveen, 0384 Diemen, 0358 Aalsmeer,
     * 0437 Ouder-Amstel, 0451 Uithoorn (noord); 0599 Rotterdam, 0518 's-Gravenhage (midden). */
    public static final MunicipalityRegions DEFAULTS = new MunicipalityRegions(Map.of(
            "0363", HolidayRegion.NOORD,
            "0362", HolidayRegion.NOORD,
            "0384", HolidayRegion.NOORD,
            "0358", HolidayRegion.NOORD,
            "0437", HolidayRegion.NOORD,
            "0451", HolidayRegion.NOORD,
            "0599", HolidayRegion.MIDDEN,
            "0518", HolidayRegion.MIDDEN));

    private final Map<String, HolidayRegion> regions;

    /**
     * @param regions municipality code (four digits) to region
     * @throws IllegalArgumentException for a code that is not four digits
     */
    public MunicipalityRegions(Map<String, HolidayRegion> regions) {
        for (Map.Entry<String, HolidayRegion> entry : regions.entrySet()) {
            if (!CODE.matcher(entry.getKey()).matches()) {
                throw new IllegalArgumentException("municipality code '" + entry.getKey() + "' is not four digits");
            }
            Objects.requireNonNull(entry.getValue(), "region of " + entry.getKey());
        }
        this.regions = Map.copyOf(regions);
    }

    /** The defaults with {@code overrides} (code to region code such as {@code zuid}) laid over them. */
    public static MunicipalityRegions defaultsWith(Map<String, String> overrides) {
        Map<String, HolidayRegion> merged = new HashMap<>(DEFAULTS.regions);
        overrides.forEach((code, region) -> merged.put(code, HolidayRegion.fromCode(region)));
        return new MunicipalityRegions(merged);
    }

    public Optional<HolidayRegion> regionOf(String municipalityCode) {
        return Optional.ofNullable(regions.get(municipalityCode));
    }

    /**
     * The school calendar of {@code municipalityCode}'s region.
     *
     * @throws IllegalArgumentException when the municipality has no configured region
     */
    public SchoolCalendar calendarOf(String municipalityCode) {
        return SchoolCalendar.of(regionOf(municipalityCode).orElseThrow(() -> new IllegalArgumentException(
                "municipality " + municipalityCode + " has no holiday region configured")));
    }

    public Map<String, HolidayRegion> asMap() {
        return regions;
    }
}
