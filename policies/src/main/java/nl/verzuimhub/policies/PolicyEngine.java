package nl.verzuimhub.policies;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.recipient.Purpose;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;

/**
 * Decides who may see what: {@link #decide} returns a {@link Permit} with the minimised view or a {@link Deny}.
 *
 * <p>Contract: deny by default (no rule for the role, purpose and record kind means {@link DenyReason#NO_MATCHING_POLICY});
 * a purpose the recipient was not granted is refused before any rule is looked at; deciding never mutates the
 * record. Rules are indexed by role and purpose once, at construction. Thread-safe.
 */
public final class PolicyEngine {
    private final PolicySet policySet;
    private final RegionDirectory regions;
    private final Minimiser minimiser;
    private final Map<RecipientRole, Map<String, List<DisclosureRule>>> index = new EnumMap<>(RecipientRole.class);

    public PolicyEngine(PolicySet policySet, RegionDirectory regions, Pseudonymiser pseudonymiser) {
        this.policySet = policySet;
        this.regions = regions;
        this.minimiser = new Minimiser(pseudonymiser);
        for (DisclosureRule rule : policySet.rules()) {
            index.computeIfAbsent(rule.role(), role -> new HashMap<>())
                    .computeIfAbsent(rule.purposeId(), purpose -> new ArrayList<>())
                    .add(rule);
        }
    }

    public Decision decide(RegisterRecord record, Recipient recipient, String purposeId) {
        String decisionId = newDecisionId();
        String version = policySet.version();
        Purpose purpose = policySet.purposes().get(purposeId);
        if (purpose == null) {
            return new Deny(DenyReason.UNKNOWN_PURPOSE, "purpose " + purposeId + " is not in policy set " + version,
                    decisionId, version);
        }
        if (!recipient.purposes().contains(purposeId)) {
            return new Deny(DenyReason.PURPOSE_NOT_GRANTED, recipient.clientId() + " has not been granted purpose "
                    + purposeId, decisionId, version);
        }
        List<DisclosureRule> rules = index.getOrDefault(recipient.role(), Map.of()).getOrDefault(purposeId, List.of());
        boolean kindCovered = false;
        for (DisclosureRule rule : rules) {
            if (!rule.kinds().contains(record.kind())) {
                continue;
            }
            kindCovered = true;
            if (rule.scope().covers(record, recipient, regions)) {
                return new Permit(minimiser.minimise(record, rule.fields(), recipient.clientId()), rule.id(), purpose,
                        decisionId, version);
            }
        }
        if (kindCovered) {
            return new Deny(DenyReason.OUT_OF_SCOPE, record.kind() + " " + record.id() + " lies outside the scope of "
                    + recipient.clientId() + " (" + recipient.organisation().code() + ")", decisionId, version);
        }
        return new Deny(DenyReason.NO_MATCHING_POLICY, "no rule lets role " + recipient.role() + " receive "
                + record.kind() + " for purpose " + purposeId, decisionId, version);
    }

    /** The purposes for which a role has at least one permit: the purposes a recipient can fetch a feed under. */
    public Set<String> disclosurePurposes(RecipientRole role) {
        return Set.copyOf(index.getOrDefault(role, Map.of()).keySet());
    }

    public PolicySet policySet() {
        return policySet;
    }

    private static String newDecisionId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
    }
}
