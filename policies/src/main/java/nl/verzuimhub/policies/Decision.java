package nl.verzuimhub.policies;

/** The outcome of {@link PolicyEngine#decide}: a {@link Permit} with the minimised view, or a {@link Deny}. */
public sealed interface Decision permits Permit, Deny {
    /** Unique per decision; the audit log refers to it. */
    String decisionId();

    /** Version of the policy set that decided. */
    String policySetVersion();
}
