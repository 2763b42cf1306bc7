package nl.verzuimhub.dpia;

import java.util.List;
import java.util.Objects;

/**
 * One item of an entry that records a batch (hash format 3): one record version served to the entry's recipient in one
 * feed page, or queued for, pushed to or dead-lettered for it in one push entry. The page-wide parts (recipient,
 * organisation, role, purpose, legal basis, channel, time, trace) are the entry's own; what differs per item is here.
 *
 * <p>Contract: holds no personal data in clear (the subject is its keyed hash, fields are names). Every part but
 * {@code policyId} is required. {@code fields} may be empty (a retraction discloses nothing) but a field name must not be empty or
 * contain a comma: the stored form joins them with commas ({@code item_fields}), and it must read back exactly.
 *
 * @param deliveryId    the delivery's id, which is the item's sequence in the recipient's feed
 * @param decisionId    id of the decision that permitted it
 * @param recordKind    kind of the record
 * @param recordId      the register's object id
 * @param recordVersion version of the record
 * @param action        {@link AuditAction#DISCLOSE} or {@link AuditAction#RETRACT}
 * @param subjectHash   keyed hash of the data subject ({@link SubjectHasher})
 * @param policyId      id of the rule that decided, if a rule is named
 * @param policyVersion version of the policy set that decided
 * @param fields        names of the fields disclosed, in order
 */
public record AuditItem(long deliveryId, String decisionId, String recordKind, String recordId, int recordVersion,
                        AuditAction action, String subjectHash, String policyId, String policyVersion,
                        List<String> fields) {
    public AuditItem {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(recordKind, "recordKind");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectHash, "subjectHash");
        Objects.requireNonNull(policyVersion, "policyVersion");
        if (action != AuditAction.DISCLOSE && action != AuditAction.RETRACT) {
            throw new IllegalArgumentException("an item is a disclosure or a retraction, not " + action);
        }
        fields = List.copyOf(fields);
        for (String field : fields) {
            if (field.isEmpty() || field.indexOf(',') >= 0) {
                throw new IllegalArgumentException("a field name must be non-empty and without commas: '" + field + "'");
            }
        }
    }

    /** The fields as stored in {@code item_fields}: names joined by commas. */
    public String joinedFields() {
        return String.join(",", fields);
    }

    /** The inverse of {@link #joinedFields()}. */
    public static List<String> splitFields(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(",", -1));
    }
}
