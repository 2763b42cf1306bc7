package nl.verzuimhub.policies;

import java.util.Optional;
import nl.verzuimhub.core.disclosure.DataField;

/**
 * What a rule does with one source field. A field a rule does not name is dropped. Each treatment has the name the
 * policy files use ({@link #yamlName()}) and says which source fields it applies to and which field it discloses.
 */
public enum FieldTreatment {
    /** Disclose as is. */
    ALLOW("allow"),
    /** Replace the BSN or onderwijsnummer by the recipient's own keyed pseudonym ({@code pseudonym}). */
    PSEUDONYMISE("pseudonymise"),
    /** Replace the birth date by the birth year ({@code birthYear}). */
    BIRTH_YEAR("birthYear"),
    /** Replace the birth date by the age in whole years at the start of the record's period ({@code age}). */
    AGE("age"),
    /** Keep only the four digits of the postcode ({@code postcode}: 1012AB becomes 1012). */
    POSTCODE4("postcode4"),
    /** Never disclose (the same as not naming the field; written out to document a decision). */
    DROP("drop");

    private final String yamlName;

    FieldTreatment(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<FieldTreatment> fromYamlName(String name) {
        for (FieldTreatment treatment : values()) {
            if (treatment.yamlName.equals(name)) {
                return Optional.of(treatment);
            }
        }
        return Optional.empty();
    }

    /** Whether this treatment can be applied to {@code source}. */
    public boolean appliesTo(DataField source) {
        switch (this) {
            case PSEUDONYMISE:
                return source == DataField.BSN || source == DataField.ONDERWIJSNUMMER;
            case BIRTH_YEAR:
            case AGE:
                return source == DataField.BIRTH_DATE;
            case POSTCODE4:
                return source == DataField.POSTCODE;
            default:
                return !isDerived(source);
        }
    }

    /** The field the recipient receives, or null for {@link #DROP}. */
    public DataField target(DataField source) {
        switch (this) {
            case PSEUDONYMISE:
                return DataField.PSEUDONYM;
            case BIRTH_YEAR:
                return DataField.BIRTH_YEAR;
            case AGE:
                return DataField.AGE;
            case DROP:
                return null;
            default:
                return source;
        }
    }

    /** Fields the hub computes; a policy cannot name them as a source. */
    public static boolean isDerived(DataField field) {
        return field == DataField.PSEUDONYM || field == DataField.BIRTH_YEAR || field == DataField.AGE;
    }
}
