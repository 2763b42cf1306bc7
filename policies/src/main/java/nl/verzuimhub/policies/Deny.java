package nl.verzuimhub.policies;

import java.util.Objects;

/**
 * Disclosure refused, with a machine-readable reason and an explanation a privacy officer can read.
 * The explanation names rules, kinds and scopes, never personal data.
 */
public record Deny(DenyReason reason, String explanation, String decisionId, String policySetVersion)
        implements Decision {
    public Deny {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(policySetVersion, "policySetVersion");
    }
}
