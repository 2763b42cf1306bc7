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
 * One rule of a policy set.
 *
 * <p>A <b>permit</b> ({@link Effect#PERMIT}): recipients in one of {@code roles} (a permit names exactly one) may
 * receive records of {@code kinds} within {@code scope}, for {@code purposeId}, minimised to {@code fields}; a field
 * absent from {@code fields} is never disclosed. {@code mazl} makes it depend on the M@ZL criterion (sick reports
 * only); {@code identifiableWith} names the legal-basis switch without which every pseudonymised identifier stays a
 * pseudonym, and with which it is disclosed as is.
 *
 * <p>A <b>forbid</b> ({@link Effect#FORBID}) overrides every permit for the roles it names (or all roles but
 * {@code exceptRoles}), for the purposes it names (empty: all), kinds and scope: with {@code forbiddenFields} empty
 * it refuses the whole record, otherwise it removes those fields from every view.
 *
 * @param legalBasis the citation that makes this rule lawful; carried into every audit entry it produces
 * @param source     where the rule was written (file and line), for error messages and explanations
 */
public record DisclosureRule(String id, Effect effect, Set<RecipientRole> roles, String purposeId,
                             Set<RecordKind> kinds, RuleScope scope, Map<DataField, FieldTreatment> fields,
                             Set<DataField> forbiddenFields, boolean mazl, String identifiableWith, String legalBasis,
                             String description, String source) {
    public DisclosureRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(legalBasis, "legalBasis");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        scope = scope == null ? RuleScope.EVERYTHING : scope;
        fields = fields.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(fields));
        forbiddenFields = forbiddenFields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(forbiddenFields));
        description = description == null ? "" : description;
        source = source == null ? "(code)" : source;
        if (effect == Effect.PERMIT) {
            Objects.requireNonNull(purposeId, "a permit names its purpose");
            if (roles.size() != 1) {
                throw new IllegalArgumentException("permit " + id + " must name exactly one role");
            }
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException("rule " + id + " covers no record kind");
            }
            fields.forEach((field, treatment) -> {
                if (!treatment.appliesTo(field)) {
                    throw new IllegalArgumentException("rule " + id + ": " + treatment.yamlName() + " cannot be applied to "
                            + field.jsonName());
                }
            });
        }
    }

    /** A permit as A's first rules wrote them: one role, one purpose, a residence/school scope, no conditions. */
    public static DisclosureRule permit(String id, RecipientRole role, String purposeId, Set<RecordKind> kinds,
                                        RuleScope scope, Map<DataField, FieldTreatment> fields, String legalBasis) {
        return new DisclosureRule(id, Effect.PERMIT, Set.of(role), purposeId, kinds, scope, fields, Set.of(), false,
                null, legalBasis, null, null);
    }

    /** The permit's role (a permit has exactly one). */
    public RecipientRole role() {
        return roles.iterator().next();
    }

    public boolean isPermit() {
        return effect == Effect.PERMIT;
    }

    /** For a forbid: true when it refuses the whole record rather than some fields. */
    public boolean forbidsWholeRecord() {
        return effect == Effect.FORBID && forbiddenFields.isEmpty();
    }
}
