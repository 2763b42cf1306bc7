package nl.verzuimhub.bench.policy;

import java.time.LocalDate;
import java.util.Map;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.disclosure.RecordFields;
import nl.verzuimhub.core.disclosure.RecordView;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.policies.Pseudonymiser;

/**
 * The plain field-projection step that follows an allow decision of jCasbin or Cedar, the same for both: read the
 * record's fields ({@link RecordFields#of}), keep, pseudonymise (the hub's own {@link Pseudonymiser}, same master key,
 * so the same pseudonyms) or generalise each field the matched rule names, drop the rest. It does what the hub
 * engine's minimiser did when this benchmark was written, so all three engines do equal work per permit.
 * Pure and thread-safe.
 */
final class FieldProjection {
    private final Pseudonymiser pseudonymiser;

    FieldProjection(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    RecordView project(RegisterRecord record, Map<DataField, FieldRules.Treatment> treatments, String recipientId) {
        RecordView.Builder view = RecordView.builder();
        for (Map.Entry<DataField, Object> field : RecordFields.of(record).values().entrySet()) {
            FieldRules.Treatment treatment = treatments.get(field.getKey());
            if (treatment == null) {
                continue;
            }
            switch (treatment) {
                case KEEP -> view.put(field.getKey(), field.getValue());
                case PSEUDONYMISE -> view.put(DataField.PSEUDONYM,
                        pseudonymiser.pseudonym(recipientId, record.pupil().identifier().value()));
                case BIRTH_YEAR -> view.put(DataField.BIRTH_YEAR, LocalDate.parse((String) field.getValue()).getYear());
            }
        }
        return view.build();
    }
}
