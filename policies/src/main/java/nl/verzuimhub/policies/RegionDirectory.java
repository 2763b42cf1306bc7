package nl.verzuimhub.policies;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reference data that scopes need and that policy validation checks references against: which municipalities (CBS
 * codes) make up each GGD region and each RMC region, and which samenwerkingsverband codes exist. An empty set of
 * known partnerships means "not configured": any partnership code is accepted.
 */
public final class RegionDirectory {
    private final Map<String, Set<String>> ggdRegions;
    private final Map<String, Set<String>> rmcRegions;
    private final Set<String> partnerships;

    /** @param ggdRegions GGD region id to the CBS codes of its municipalities */
    public RegionDirectory(Map<String, Set<String>> ggdRegions) {
        this(ggdRegions, Map.of(), Set.of());
    }

    public RegionDirectory(Map<String, Set<String>> ggdRegions, Map<String, Set<String>> rmcRegions,
                           Set<String> partnerships) {
        this.ggdRegions = copy(ggdRegions);
        this.rmcRegions = copy(rmcRegions);
        this.partnerships = Set.copyOf(partnerships);
    }

    public boolean ggdRegionContains(String regionId, String municipality) {
        Set<String> municipalities = ggdRegions.get(regionId);
        return municipalities != null && municipalities.contains(municipality);
    }

    public boolean rmcRegionContains(String regionId, String municipality) {
        Set<String> municipalities = rmcRegions.get(regionId);
        return municipalities != null && municipalities.contains(municipality);
    }

    public boolean knowsGgdRegion(String regionId) {
        return ggdRegions.containsKey(regionId);
    }

    public boolean knowsRmcRegion(String regionId) {
        return rmcRegions.containsKey(regionId);
    }

    /** True when the code is a configured samenwerkingsverband, or when no list of partnerships is configured. */
    public boolean knowsPartnership(String code) {
        return partnerships.isEmpty() || partnerships.contains(code);
    }

    public Set<String> ggdRegionIds() {
        return ggdRegions.keySet();
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> regions) {
        Map<String, Set<String>> copy = new HashMap<>();
        regions.forEach((region, municipalities) -> copy.put(region, Set.copyOf(municipalities)));
        return Map.copyOf(copy);
    }
}
