package nl.verzuimhub.policies;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.recipient.RecipientRole;

/**
 * One permit: recipients in {@code role} may receive records of {@code kinds} within {@code scope}, for
 * {@code purposeId}, minimised to {@code fields}. A field absent from {@code fields} is never disclosed.
 *
 * @param legalBasis the citation that makes this disclosure lawful; carried into every audit entry it produces
 */
public record DisclosureRule(String id, RecipientRole role, String purposeId, Set<RecordKind> kinds, Scope scope,
                             Map<DataField, FieldTreatment> fields, String legalBasis) {
    public DisclosureRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(purposeId, "purposeId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(legalBasis, "legalBasis");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " covers no record kind");
        }
        kinds = Set.copyOf(EnumSet.copyOf(kinds));
        fields.forEach((field, treatment) -> checkTreatment(id, field, treatment));
        fields = Map.copyOf(new EnumMap<>(fields));
    }

    private static void checkTreatment(String id, DataField field, FieldTreatment treatment) {
        boolean identifier = field == DataField.BSN || field == DataField.ONDERWIJSNUMMER;
        if (treatment == FieldTreatment.PSEUDONYMISE && !identifier) {
            throw new IllegalArgumentException("rule " + id + ": only bsn and onderwijsnummer can be pseudonymised, not " + field.jsonName());
        }
        if (treatment == FieldTreatment.BIRTH_YEAR && field != DataField.BIRTH_DATE) {
            throw new IllegalArgumentException("rule " + id + ": only birthDate can be generalised to a year, not " + field.jsonName());
        }
    }
}
