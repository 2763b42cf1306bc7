package nl.verzuimhub.core.disclosure;

import java.util.Optional;

/**
 * Every field the hub can disclose, named as it appears in a feed item's {@code data}. This list is the feed
 * contract: a recipient only ever receives a subset of it.
 */
public enum DataField {
    BSN("bsn", Sensitivity.IDENTIFYING),
    ONDERWIJSNUMMER("onderwijsnummer", Sensitivity.IDENTIFYING),
    /** A per-recipient keyed pseudonym that replaces the BSN or onderwijsnummer. */
    PSEUDONYM("pseudonym", Sensitivity.PSEUDONYMOUS),
    BIRTH_DATE("birthDate", Sensitivity.PERSONAL),
    /** Generalised birth date. */
    BIRTH_YEAR("birthYear", Sensitivity.PERSONAL),
    /** Generalised birth date: the pupil's age in whole years at the start of the record's period. */
    AGE("age", Sensitivity.PERSONAL),
    /** CBS code of the municipality of residence (woongemeente). */
    MUNICIPALITY("municipality", Sensitivity.PERSONAL),
    /** The full postcode (1012AB), or when a policy generalises it, only its four digits (1012). */
    POSTCODE("postcode", Sensitivity.PERSONAL),
    BRIN("brin", Sensitivity.PERSONAL),
    /** Vestiging (school branch). */
    BRANCH("branch", Sensitivity.PERSONAL),
    SECTOR("sector", Sensitivity.PERSONAL),
    /** Samenwerkingsverband code of the (last) school. */
    PARTNERSHIP("partnership", Sensitivity.PERSONAL),
    /** Leerjaar. */
    GRADE("grade", Sensitivity.PERSONAL),
    /** Verzuimsoort: V3, V4, LRV, L, RMC, O. */
    ABSENCE_TYPE("absenceType", Sensitivity.PERSONAL),
    PERIOD_START("periodStart", Sensitivity.PERSONAL),
    PERIOD_END("periodEnd", Sensitivity.PERSONAL),
    HOURS("hours", Sensitivity.PERSONAL),
    DAYS("days", Sensitivity.PERSONAL),
    ALL_LESSONS_MISSED("allLessonsMissed", Sensitivity.PERSONAL),
    /** VermoedelijkeReden: the school's free text; may hold health or family details. */
    SUSPECTED_REASON("suspectedReason", Sensitivity.SPECIAL_CATEGORY),
    /** OndernomenActieSchool: the school's free text. */
    SCHOOL_ACTION("schoolAction", Sensitivity.SPECIAL_CATEGORY),
    MUNICIPAL_ACTION_REQUESTED("municipalActionRequested", Sensitivity.PERSONAL),
    /** Melder: name, role, phone and e-mail of the school employee who filed the report. */
    REPORTER("reporter", Sensitivity.PERSONAL),
    STATUS("status", Sensitivity.PERSONAL),
    CLOSING_REASON("closingReason", Sensitivity.PERSONAL),
    REPORTED_ON("reportedOn", Sensitivity.PERSONAL),
    LAST_CHANGED("lastChanged", Sensitivity.PERSONAL),
    /** Article of the Leerplichtwet an exemption rests on (3a, 3b, 5a, 5b, 5c, 15). */
    ARTICLE("article", Sensitivity.PERSONAL),
    PREVIOUSLY_EXEMPT("previouslyExempt", Sensitivity.PERSONAL),
    /** Grond: the exemption's grounds; medical or psychological for article 5 onder a. */
    GROUNDS("grounds", Sensitivity.SPECIAL_CATEGORY);

    /** How much harm disclosing a field can do; drives minimisation and the DPIA's data categories. */
    public enum Sensitivity { IDENTIFYING, PSEUDONYMOUS, PERSONAL, SPECIAL_CATEGORY }

    private final String jsonName;
    private final Sensitivity sensitivity;

    DataField(String jsonName, Sensitivity sensitivity) {
        this.jsonName = jsonName;
        this.sensitivity = sensitivity;
    }

    /** The field's name in the feed contract. */
    public String jsonName() {
        return jsonName;
    }

    public Sensitivity sensitivity() {
        return sensitivity;
    }

    public static Optional<DataField> fromJsonName(String name) {
        for (DataField field : values()) {
            if (field.jsonName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
