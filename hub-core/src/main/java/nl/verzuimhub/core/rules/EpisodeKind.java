package nl.verzuimhub.core.rules;

/** The two kinds of absence episode the thuiszitter and doorloopsnelheid rules look at. */
public enum EpisodeKind {
    /** Langdurig relatief verzuim: an absence report of type LRV (the pupil is enrolled but stays away). */
    LRV,
    /** Absoluut verzuim: the pupil is enrolled nowhere and not exempt. */
    ABSOLUTE_ABSENCE
}
