package nl.verzuimhub.core.record;

/** Verzuimsoort of an absence report; the codes are the register's. */
public enum AbsenceType {
    /** 16 hours of unauthorised absence in 4 consecutive school weeks, pupil under 18. */
    V3,
    /** The same for a pupil of 18 or older. */
    V4,
    /** Long-term relative absence: at least 4 consecutive school weeks continuously absent. */
    LRV,
    /** Luxury absence: holiday outside the school holidays without leave. */
    L,
    /** Absence of an 18-23-year-old without a basic qualification (RMC). */
    RMC,
    /** Other: below the threshold but worrying. */
    O
}
