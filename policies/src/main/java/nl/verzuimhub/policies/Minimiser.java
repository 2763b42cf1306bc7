package nl.verzuimhub.policies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.disclosure.RecordView;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.RegisterRecord;

/**
 * Applies a compiled field plan to a record. Pure: returns a new view and never touches the record.
 */
final class Minimiser {
    private final Pseudonymiser pseudonymiser;

    Minimiser(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    /** A permit's treatments in field order, compiled once at load. */
    static final class FieldPlan {
        final DataField[] sources;
        final FieldTreatment[] treatments;

        FieldPlan(Map<DataField, FieldTreatment> fields, boolean identifiable) {
            List<DataField> sources = new ArrayList<>();
            List<FieldTreatment> treatments = new ArrayList<>();
            for (DataField field : DataField.values()) {
                FieldTreatment treatment = fields.get(field);
                if (treatment == null || treatment == FieldTreatment.DROP) {
                    continue;
                }
                if (identifiable && treatment == FieldTreatment.PSEUDONYMISE) {
                    treatment = FieldTreatment.ALLOW;
                }
                sources.add(field);
                treatments.add(treatment);
            }
            this.sources = sources.toArray(new DataField[0]);
            this.treatments = treatments.toArray(new FieldTreatment[0]);
        }

        FieldTreatment treatmentOf(DataField field) {
            for (int i = 0; i < sources.length; i++) {
                if (sources[i] == field) {
                    return treatments[i];
                }
            }
            return null;
        }
    }

    /**
     * The view the plan discloses of the record. Reads only the fields the plan names, each straight from the record
     * (a generalised field from its source value, never via its text).
     *
     * @param forbidden bit {@code 1L << field.ordinal()} set for every field a forbid removes
     */
    RecordView minimise(RegisterRecord record, FieldPlan plan, long forbidden, String recipientId) {
        RecordView.Builder view = RecordView.builder();
        DataField[] sources = plan.sources;
        FieldTreatment[] treatments = plan.treatments;
        Enrolment school = record.school().orElse(null);
        for (int i = 0; i < sources.length; i++) {
            DataField source = sources[i];
            if ((forbidden & (1L << source.ordinal())) != 0) {
                continue;
            }
            switch (treatments[i]) {
                case ALLOW:
                    view.put(source, FieldReader.read(record, source, school));
                    break;
                case PSEUDONYMISE:
                    String identifier = (String) FieldReader.read(record, source, null);
                    if (identifier != null) {
                        view.put(DataField.PSEUDONYM, pseudonymiser.pseudonym(recipientId, identifier));
                    }
                    break;
                case BIRTH_YEAR:
                    view.put(DataField.BIRTH_YEAR, record.pupil().birthDate().getYear());
                    break;
                case AGE:
                    view.put(DataField.AGE, Ages.at(record.pupil().birthDate(), record.period().start()));
                    break;
                case POSTCODE4:
                    String postcode = record.pupil().postcode();
                    if (postcode != null) {
                        view.put(DataField.POSTCODE, postcode.length() > 4 ? postcode.substring(0, 4) : postcode);
                    }
                    break;
                default:
                    break;
            }
        }
        return view.build();
    }
}
