package nl.verzuimhub.core.record;

/** The four kinds of record the register publishes. Names are the feed's {@code kind} values. */
public enum RecordKind {
    /** Verzuimmelding: an absence report filed by a school. */
    VERZUIMMELDING,
    /** Vrijstelling: an exemption from compulsory education recorded by the municipality. */
    VRIJSTELLING,
    /** Ziekmelding: a sick report (authorised absence). */
    ZIEKMELDING,
    /** AbsoluutVerzuim: a compulsory-age child enrolled nowhere and not exempt, detected by the register. */
    ABSOLUUT_VERZUIM
}
