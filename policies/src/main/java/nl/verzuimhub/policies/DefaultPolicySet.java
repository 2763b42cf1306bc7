package nl.verzuimhub.policies;

import static nl.verzuimhub.core.disclosure.DataField.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.recipient.Purpose;
import nl.verzuimhub.core.recipient.RecipientRole;

/**
 * The hub's default purposes and permits: the recipient table of the domain brief, as code.
 *
 * <ul>
 *   <li>The attendance officer (leerplichtambtenaar) of the municipality of residence receives every record kind
 *       with every field (Leerplichtwet 1969 art. 21a).</li>
 *   <li>A partnership (samenwerkingsverband) receives absence reports, absolute-absence signals and exemptions of
 *       pupils whose (last) school belongs to it, under a pseudonym of its own, with the birth year instead of the
 *       birth date, and never free text, exemption grounds, the reporter or the postcode; never sick reports.</li>
 *   <li>A youth doctor (jeugdarts) receives only sick reports of pupils living in the GGD region: identity, school
 *       and dates; nothing else.</li>
 *   <li>The privacy officer has the purpose {@code toezicht} and no permit: no pupil data, only the audit views.</li>
 * </ul>
 */
public final class DefaultPolicySet {
    public static final String VERSION = "default-2026.11.1";

    public static final Purpose LEERPLICHT = new Purpose("leerplicht", "Handhaving leerplicht en kwalificatieplicht",
            "Leerplichtwet 1969 art. 21a", "VA-LEERPLICHT");
    public static final Purpose PASSEND_ONDERWIJS = new Purpose("passend-onderwijs",
            "Passend onderwijs: een plek voor thuiszitters",
            "AVG art. 6 lid 1 sub e jo. WPO art. 18a en WVO 2020 art. 17a (taak samenwerkingsverband)",
            "VA-PASSEND-ONDERWIJS");
    public static final Purpose JEUGDGEZONDHEIDSZORG = new Purpose("jeugdgezondheidszorg",
            "Jeugdgezondheidszorg bij ziekteverzuim (M@ZL)",
            "Wet publieke gezondheid art. 5 jo. Besluit publieke gezondheid art. 5", "VA-JGZ-ZIEKTEVERZUIM");
    public static final Purpose TOEZICHT = new Purpose("toezicht", "Toezicht op de verwerking door de FG",
            "AVG art. 39 (taken van de functionaris voor gegevensbescherming)", "VA-TOEZICHT");

    private DefaultPolicySet() {
    }

    public static PolicySet policySet() {
        return PolicySet.of(VERSION, List.of(LEERPLICHT, PASSEND_ONDERWIJS, JEUGDGEZONDHEIDSZORG, TOEZICHT),
                List.of(attendanceOfficer(), partnership(), youthDoctor()));
    }

    private static DisclosureRule attendanceOfficer() {
        Map<DataField, FieldTreatment> fields = new EnumMap<>(DataField.class);
        for (DataField field : DataField.values()) {
            if (field != PSEUDONYM && field != BIRTH_YEAR) {
                fields.put(field, FieldTreatment.ALLOW);
            }
        }
        return new DisclosureRule("leerplicht.attendance-officer.residence", RecipientRole.ATTENDANCE_OFFICER,
                LEERPLICHT.id(), EnumSet.allOf(RecordKind.class), Scope.MUNICIPALITY_OF_RESIDENCE, fields,
                LEERPLICHT.legalBasis());
    }

    private static DisclosureRule partnership() {
        Map<DataField, FieldTreatment> fields = allow(MUNICIPALITY, BRIN, BRANCH, SECTOR, PARTNERSHIP, GRADE,
                ABSENCE_TYPE, PERIOD_START, PERIOD_END, HOURS, DAYS, ALL_LESSONS_MISSED, MUNICIPAL_ACTION_REQUESTED,
                STATUS, CLOSING_REASON, REPORTED_ON, LAST_CHANGED, ARTICLE, PREVIOUSLY_EXEMPT);
        fields.put(BSN, FieldTreatment.PSEUDONYMISE);
        fields.put(ONDERWIJSNUMMER, FieldTreatment.PSEUDONYMISE);
        fields.put(BIRTH_DATE, FieldTreatment.BIRTH_YEAR);
        return new DisclosureRule("passend-onderwijs.partnership.school", RecipientRole.PARTNERSHIP,
                PASSEND_ONDERWIJS.id(),
                EnumSet.of(RecordKind.VERZUIMMELDING, RecordKind.ABSOLUUT_VERZUIM, RecordKind.VRIJSTELLING),
                Scope.PARTNERSHIP_OF_SCHOOL, fields, PASSEND_ONDERWIJS.legalBasis());
    }

    private static DisclosureRule youthDoctor() {
        return new DisclosureRule("jeugdgezondheidszorg.youth-doctor.sick-reports", RecipientRole.YOUTH_DOCTOR,
                JEUGDGEZONDHEIDSZORG.id(), EnumSet.of(RecordKind.ZIEKMELDING), Scope.GGD_REGION_OF_RESIDENCE,
                allow(BSN, ONDERWIJSNUMMER, BIRTH_DATE, BRIN, BRANCH, SECTOR, PERIOD_START, PERIOD_END),
                JEUGDGEZONDHEIDSZORG.legalBasis());
    }

    private static Map<DataField, FieldTreatment> allow(DataField... allowed) {
        Map<DataField, FieldTreatment> fields = new EnumMap<>(DataField.class);
        for (DataField field : allowed) {
            fields.put(field, FieldTreatment.ALLOW);
        }
        return fields;
    }
}
