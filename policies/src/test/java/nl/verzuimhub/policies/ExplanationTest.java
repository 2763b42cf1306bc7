package nl.verzuimhub.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplanationTest {
    final PolicyEngine engine = new PolicyEngine(DefaultPolicySet.policySet(), GoldenTableTest.REGIONS,
            new Pseudonymiser(new byte[32]));

    @Test
    void aPermitIsExplainedFieldByFieldWithTheRuleThatDecidedEachField() {
        Explanation explanation = engine.explain(Records.absenceReport("0363", "VO2701"),
                DefaultPolicySetTest.SWV_VO2701, "passend-onderwijs", DecisionFacts.NONE);
        assertThat(explanation.decision()).isInstanceOf(Permit.class);
        assertThat(((Permit) explanation.decision()).ruleIds())
                .containsExactly("passend-onderwijs.partnership.school");
        Map<String, Explanation.FieldOutcome> fields = byField(explanation);
        assertThat(fields.get("bsn")).extracting(Explanation.FieldOutcome::treatment,
                Explanation.FieldOutcome::disclosedAs).containsExactly("pseudonymise", "pseudonym");
        assertThat(fields.get("birthDate").disclosedAs()).isEqualTo("birthYear");
        assertThat(fields.get("postcode")).extracting(Explanation.FieldOutcome::treatment,
                Explanation.FieldOutcome::reason).containsExactly("drop",
                "permit passend-onderwijs.partnership.school drops this field explicitly");
        assertThat(fields.get("suspectedReason").reason()).contains("does not name this field");
        assertThat(explanation.rules()).extracting(Explanation.RuleOutcome::ruleId, Explanation.RuleOutcome::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("passend-onderwijs.partnership.school", "DECIDED"));
    }

    @Test
    void aForbidThatRemovesFieldsIsNamedForThoseFields() {
        String rules = PolicyLoaderTest.PERMIT.replace("role: ATTENDANCE_OFFICER", "role: RMC")
                .replace("residence: recipient-municipality", "residence: recipient-rmc-region")
                .replace("periodStart: allow", "suspectedReason: allow") + """
                  - id: no-free-text
                    effect: forbid
                    roles: all
                    exceptRoles: [ATTENDANCE_OFFICER]
                    kinds: all
                    fields: [suspectedReason]
                    legalBasis: AVG art. 9
                    description: free text stays with the attendance officer
                """;
        PolicyEngine custom = new PolicyEngine(PolicyLoaderTest.load(PolicyLoaderTest.PURPOSES, rules),
                GoldenTableTest.REGIONS, new Pseudonymiser(new byte[32]));
        var rmc = new nl.verzuimhub.core.recipient.Recipient("rmc", GoldenTableTest.ORGANISATIONS.get(
                nl.verzuimhub.core.recipient.RecipientRole.RMC), nl.verzuimhub.core.recipient.RecipientRole.RMC,
                List.of("leerplicht"));
        Explanation explanation = custom.explain(Records.absenceReport("0363", "VO2701"), rmc, "leerplicht",
                DecisionFacts.NONE);
        Permit permit = (Permit) explanation.decision();
        assertThat(permit.ruleIds()).containsExactly("ao", "no-free-text");
        assertThat(permit.view().fields()).extracting(f -> f.jsonName()).containsExactly("bsn");
        assertThat(byField(explanation).get("suspectedReason")).extracting(Explanation.FieldOutcome::ruleId,
                Explanation.FieldOutcome::reason).containsExactly("no-free-text",
                "removed by forbid no-free-text: free text stays with the attendance officer");
    }

    @Test
    void aDenyIsExplainedByTheRuleWhoseScopeOrConditionDidNotHold() {
        Explanation outOfScope = engine.explain(Records.absenceReport("0599", "VO2701"),
                DefaultPolicySetTest.LEERPLICHT_0363, "leerplicht", DecisionFacts.NONE);
        assertThat(((Deny) outOfScope.decision()).reason()).isEqualTo(DenyReason.OUT_OF_SCOPE);
        assertThat(outOfScope.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.outcome()).isEqualTo("OUT_OF_SCOPE");
            assertThat(rule.reason()).isEqualTo("the pupil does not live in the recipient's municipality 0363");
        });
        assertThat(outOfScope.fields()).allSatisfy(field -> assertThat(field.treatment()).isEqualTo("drop"));

        Explanation notMazl = engine.explain(Records.sickReport("0363", "PO2701", "2024-09-23", "2024-09-24"),
                DefaultPolicySetTest.JGZ, "jeugdgezondheidszorg", DecisionFacts.NONE);
        assertThat(((Deny) notMazl.decision()).ruleIds()).containsExactly("jeugdgezondheidszorg.youth-doctor.mazl");
        assertThat(notMazl.rules()).extracting(Explanation.RuleOutcome::outcome).containsExactly("CONDITION_NOT_MET");
    }

    @Test
    void theSwitchMakesThePartnershipsViewIdentifiableAndTheExplanationSaysWhy() {
        PolicyEngine switched = new PolicyEngine(DefaultPolicySet.policySet(), GoldenTableTest.REGIONS,
                new Pseudonymiser(new byte[32]), Set.of("swv-wettelijke-taak"));
        Explanation explanation = switched.explain(Records.absenceReport("0363", "VO2701"),
                DefaultPolicySetTest.SWV_VO2701, "passend-onderwijs", DecisionFacts.NONE);
        assertThat(byField(explanation).get("bsn")).extracting(Explanation.FieldOutcome::treatment,
                Explanation.FieldOutcome::reason).containsExactly("allow",
                "identifiable because legal-basis switch swv-wettelijke-taak is on");
    }

    private static Map<String, Explanation.FieldOutcome> byField(Explanation explanation) {
        return explanation.fields().stream().collect(java.util.stream.Collectors.toMap(
                Explanation.FieldOutcome::field, f -> f));
    }
}
