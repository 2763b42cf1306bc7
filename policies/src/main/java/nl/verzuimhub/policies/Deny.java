package nl.verzuimhub.policies;

import java.util.List;
import java.util.Objects;

/**
 * Disclosure refused, with a machine-readable reason and an explanation a privacy officer can read.
 * The explanation names rules, kinds and scopes, never personal data. {@code ruleIds} names the rules that refused
 * (a forbid) or that matched but whose scope or condition did not hold; empty when no rule applied at all.
 */
public record Deny(DenyReason reason, String explanation, String decisionId, String policySetVersion,
                   List<String> ruleIds) implements Decision {
    public Deny {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(policySetVersion, "policySetVersion");
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
    }

    public Deny(DenyReason reason, String explanation, String decisionId, String policySetVersion) {
        this(reason, explanation, decisionId, policySetVersion, List.of());
    }
}
