package nl.verzuimhub.policies;

import java.util.Map;
import java.util.Set;

/** Reference data that scopes need: which municipalities (CBS codes) make up each GGD region. */
public final class RegionDirectory {
    private final Map<String, Set<String>> ggdRegions;

    /** @param ggdRegions GGD region id to the CBS codes of its municipalities */
    public RegionDirectory(Map<String, Set<String>> ggdRegions) {
        Map<String, Set<String>> copy = new java.util.HashMap<>();
        ggdRegions.forEach((region, municipalities) -> copy.put(region, Set.copyOf(municipalities)));
        this.ggdRegions = Map.copyOf(copy);
    }

    public boolean ggdRegionContains(String regionId, String municipality) {
        Set<String> municipalities = ggdRegions.get(regionId);
        return municipalities != null && municipalities.contains(municipality);
    }

    public boolean knowsGgdRegion(String regionId) {
        return ggdRegions.containsKey(regionId);
    }
}
