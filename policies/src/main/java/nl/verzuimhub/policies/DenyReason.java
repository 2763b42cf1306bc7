package nl.verzuimhub.policies;

/** Why a disclosure was refused. */
public enum DenyReason {
    /** The recipient has not been granted the purpose it asks under. */
    PURPOSE_NOT_GRANTED,
    /** The purpose is not known to the policy set. */
    UNKNOWN_PURPOSE,
    /** No rule permits this role, purpose and record kind: deny by default. */
    NO_MATCHING_POLICY,
    /** A rule covers the kind, but the record lies outside the recipient's scope. */
    OUT_OF_SCOPE,
    /** A rule covers kind and scope, but its condition (e.g. the M@ZL criterion) does not hold. */
    CONDITION_NOT_MET,
    /** A forbid rule refuses the record, whatever any permit says. */
    FORBIDDEN
}
