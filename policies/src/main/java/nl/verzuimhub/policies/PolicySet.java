package nl.verzuimhub.policies;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.recipient.Purpose;

/**
 * The purposes, legal-basis switches and rules in force, under one version, as loaded from the policy files.
 * Plain getters expose the whole model (the processing register is generated from it).
 *
 * @param purposeFields per purpose, every field a recipient may ever receive under it (as disclosed: pseudonym,
 *                      birthYear, ...); a purpose without an entry is not restricted beyond its rules
 * @param contentHash SHA-256 (lowercase hex) of the canonical bytes of the policy files; {@code "code"} for a set
 *                    built in code
 */
public record PolicySet(String version, String contentHash, Map<String, Purpose> purposes,
                        Map<String, Set<DataField>> purposeFields, Map<String, LegalSwitch> switches,
                        List<DisclosureRule> rules) {
    public PolicySet {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
        purposes = Collections.unmodifiableMap(new LinkedHashMap<>(purposes));
        purposeFields = Map.copyOf(purposeFields);
        switches = Collections.unmodifiableMap(new LinkedHashMap<>(switches));
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (DisclosureRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("policy set " + version + ": duplicate rule id " + rule.id());
            }
            if (rule.purposeId() != null && !purposes.containsKey(rule.purposeId())) {
                throw new IllegalArgumentException("policy set " + version + ": rule " + rule.id()
                        + " names unknown purpose " + rule.purposeId());
            }
        }
    }

    /** A set built in code (tests): no switches, content hash {@code "code"}. */
    public static PolicySet of(String version, List<Purpose> purposes, List<DisclosureRule> rules) {
        Map<String, Purpose> byId = new LinkedHashMap<>();
        purposes.forEach(purpose -> byId.put(purpose.id(), purpose));
        return new PolicySet(version, "code", byId, Map.of(), Map.of(), rules);
    }

    public List<DisclosureRule> permits() {
        return rules.stream().filter(DisclosureRule::isPermit).toList();
    }

    public List<DisclosureRule> forbids() {
        return rules.stream().filter(rule -> !rule.isPermit()).toList();
    }

    public java.util.Optional<DisclosureRule> rule(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
