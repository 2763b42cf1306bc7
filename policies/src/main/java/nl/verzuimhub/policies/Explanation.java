package nl.verzuimhub.policies;

import java.util.List;

/**
 * The answer to "what would recipient X see of record Y under purpose P, and why".
 *
 * @param decision the decision the engine takes (its view is for the asking privacy officer, never for X)
 * @param rules    every rule for X's role and the record's kind, with what it did
 * @param fields   every field the record holds, with its treatment and why
 */
public record Explanation(Decision decision, List<RuleOutcome> rules, List<FieldOutcome> fields) {
    public Explanation {
        rules = List.copyOf(rules);
        fields = List.copyOf(fields);
    }

    /**
     * @param outcome DECIDED, FORBADE, REMOVED_FIELDS, OUT_OF_SCOPE, CONDITION_NOT_MET, OTHER_PURPOSE, NOT_REACHED
     * @param reason  in words, without personal data
     */
    public record RuleOutcome(String ruleId, String effect, String outcome, String reason, String legalBasis,
                              String source) {
    }

    /**
     * @param field       the record's field (feed name)
     * @param treatment   allow, pseudonymise, birthYear, age, postcode4, or drop
     * @param disclosedAs the field the recipient would receive, or null when dropped
     * @param ruleId      the rule that decided this field (a permit, or the forbid that removed it); null when no
     *                    permit applied
     * @param reason      in words
     */
    public record FieldOutcome(String field, String treatment, String disclosedAs, String ruleId, String reason) {
    }
}
