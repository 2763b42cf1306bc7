package nl.verzuimhub.policies;

import java.time.LocalDate;
import java.util.Map;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.disclosure.RecordFields;
import nl.verzuimhub.core.disclosure.RecordView;
import nl.verzuimhub.core.record.RegisterRecord;

/** Applies a rule's field treatments to a record. Pure: returns a new view and never touches the record. */
final class Minimiser {
    private final Pseudonymiser pseudonymiser;

    Minimiser(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    RecordView minimise(RegisterRecord record, Map<DataField, FieldTreatment> treatments, String recipientId) {
        RecordView.Builder view = RecordView.builder();
        for (Map.Entry<DataField, Object> field : RecordFields.of(record).values().entrySet()) {
            FieldTreatment treatment = treatments.get(field.getKey());
            if (treatment == null) {
                continue;
            }
            switch (treatment) {
                case ALLOW -> view.put(field.getKey(), field.getValue());
                case PSEUDONYMISE -> view.put(DataField.PSEUDONYM,
                        pseudonymiser.pseudonym(recipientId, record.pupil().identifier().value()));
                case BIRTH_YEAR -> view.put(DataField.BIRTH_YEAR, LocalDate.parse((String) field.getValue()).getYear());
            }
        }
        return view.build();
    }
}
