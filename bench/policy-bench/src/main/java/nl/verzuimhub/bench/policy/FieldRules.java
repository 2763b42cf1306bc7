package nl.verzuimhub.bench.policy;

import static nl.verzuimhub.core.disclosure.DataField.*;

import java.util.EnumMap;
import java.util.Map;
import nl.verzuimhub.core.disclosure.DataField;

/**
 * What each rule of the default policy set discloses, field by field: the minimisation that follows an allow
 * decision of jCasbin or Cedar (neither library has field-level minimisation). A copy of the field rules of
 * {@code DefaultPolicySet}, keyed by the same rule ids; {@link AgreementCheck} proves at every start that the views
 * it produces equal the hub engine's, so a drift between the two fails loudly instead of skewing the comparison.
 */
final class FieldRules {
    /** What the projection does with one source field. A field a rule does not name is dropped. */
    enum Treatment { KEEP, PSEUDONYMISE, BIRTH_YEAR }

    static final String ATTENDANCE_OFFICER_RULE = "leerplicht.attendance-officer.residence";
    static final String PARTNERSHIP_RULE = "passend-onderwijs.partnership.school";
    static final String YOUTH_DOCTOR_RULE = "jeugdgezondheidszorg.youth-doctor.sick-reports";

    private static final Map<String, Map<DataField, Treatment>> BY_RULE = Map.of(
            ATTENDANCE_OFFICER_RULE, attendanceOfficer(),
            PARTNERSHIP_RULE, partnership(),
            YOUTH_DOCTOR_RULE, keep(BSN, ONDERWIJSNUMMER, BIRTH_DATE, BRIN, BRANCH, SECTOR, PERIOD_START, PERIOD_END));

    private FieldRules() {
    }

    /** The field treatments of rule {@code ruleId}; throws for an id no rule has. */
    static Map<DataField, Treatment> of(String ruleId) {
        Map<DataField, Treatment> treatments = BY_RULE.get(ruleId);
        if (treatments == null) {
            throw new IllegalArgumentException("no field rules for rule " + ruleId);
        }
        return treatments;
    }

    private static Map<DataField, Treatment> attendanceOfficer() {
        Map<DataField, Treatment> fields = new EnumMap<>(DataField.class);
        for (DataField field : DataField.values()) {
            if (field != PSEUDONYM && field != BIRTH_YEAR) {
                fields.put(field, Treatment.KEEP);
            }
        }
        return fields;
    }

    private static Map<DataField, Treatment> partnership() {
        Map<DataField, Treatment> fields = keep(MUNICIPALITY, BRIN, BRANCH, SECTOR, PARTNERSHIP, GRADE, ABSENCE_TYPE,
                PERIOD_START, PERIOD_END, HOURS, DAYS, ALL_LESSONS_MISSED, MUNICIPAL_ACTION_REQUESTED, STATUS,
                CLOSING_REASON, REPORTED_ON, LAST_CHANGED, ARTICLE, PREVIOUSLY_EXEMPT);
        fields.put(BSN, Treatment.PSEUDONYMISE);
        fields.put(ONDERWIJSNUMMER, Treatment.PSEUDONYMISE);
        fields.put(BIRTH_DATE, Treatment.BIRTH_YEAR);
        return fields;
    }

    private static Map<DataField, Treatment> keep(DataField... kept) {
        Map<DataField, Treatment> fields = new EnumMap<>(DataField.class);
        for (DataField field : kept) {
            fields.put(field, Treatment.KEEP);
        }
        return fields;
    }
}
