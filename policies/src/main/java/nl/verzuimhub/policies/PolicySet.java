package nl.verzuimhub.policies;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.verzuimhub.core.recipient.Purpose;

/**
 * The purposes and permits in force, under one version. Validated on construction: every rule names a known
 * purpose, and rule ids are unique.
 */
public record PolicySet(String version, Map<String, Purpose> purposes, List<DisclosureRule> rules) {
    public PolicySet {
        Objects.requireNonNull(version, "version");
        purposes = Map.copyOf(purposes);
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (DisclosureRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("policy set " + version + ": duplicate rule id " + rule.id());
            }
            if (!purposes.containsKey(rule.purposeId())) {
                throw new IllegalArgumentException("policy set " + version + ": rule " + rule.id()
                        + " names unknown purpose " + rule.purposeId());
            }
        }
    }

    public static PolicySet of(String version, List<Purpose> purposes, List<DisclosureRule> rules) {
        Map<String, Purpose> byId = new LinkedHashMap<>();
        purposes.forEach(purpose -> byId.put(purpose.id(), purpose));
        return new PolicySet(version, byId, rules);
    }
}
