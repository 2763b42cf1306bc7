package nl.verzuimhub.policies;

/** What a rule does when it matches: a permit discloses a minimised view; a forbid overrides every permit. */
public enum Effect { PERMIT, FORBID }
