package nl.verzuimhub.policies;

/** What a rule does with one source field. A field a rule does not name is dropped. */
public enum FieldTreatment {
    /** Disclose as is. */
    ALLOW,
    /** Replace the BSN or onderwijsnummer by the recipient's own keyed pseudonym ({@code pseudonym}). */
    PSEUDONYMISE,
    /** Replace the birth date by the birth year ({@code birthYear}). */
    BIRTH_YEAR
}
