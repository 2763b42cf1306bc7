package nl.verzuimhub.policies;

import java.util.List;
import java.util.Objects;
import nl.verzuimhub.core.disclosure.RecordView;
import nl.verzuimhub.core.recipient.Purpose;

/**
 * Disclosure allowed: exactly {@code view} may go to the recipient, for {@code purpose}, under rule {@code ruleId}
 * (the deciding permit). {@code ruleIds} lists every rule that shaped the outcome: the deciding permit first, then
 * any field-forbid that removed fields. The view is new: the record it was drawn from is untouched.
 */
public record Permit(RecordView view, String ruleId, Purpose purpose, String decisionId, String policySetVersion,
                     List<String> ruleIds) implements Decision {
    public Permit {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(policySetVersion, "policySetVersion");
        ruleIds = ruleIds == null ? List.of(ruleId) : ruleIds;
    }

    public Permit(RecordView view, String ruleId, Purpose purpose, String decisionId, String policySetVersion) {
        this(view, ruleId, purpose, decisionId, policySetVersion, List.of(ruleId));
    }
}
