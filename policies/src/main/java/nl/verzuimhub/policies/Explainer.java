package nl.verzuimhub.policies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.disclosure.RecordFields;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.SickReport;
import nl.verzuimhub.core.recipient.Recipient;

/** Builds an {@link Explanation} next to a decision. The slow path: it walks the rules and fields one by one. */
final class Explainer {
    private Explainer() {
    }

    static Explanation explain(PolicyEngine engine, Decision decision, RegisterRecord record, Recipient recipient,
                               String purposeId, DecisionFacts facts) {
        List<Explanation.RuleOutcome> rules = new ArrayList<>();
        for (DisclosureRule rule : engine.policySet().rules()) {
            if (!rule.roles().contains(recipient.role()) || !rule.kinds().contains(record.kind())) {
                continue;
            }
            rules.add(new Explanation.RuleOutcome(rule.id(), rule.effect().name(), outcome(engine, decision, rule, record,
                    recipient, purposeId, facts), reason(engine, rule, record, recipient, purposeId, facts),
                    rule.legalBasis(), rule.source()));
        }
        return new Explanation(decision, rules, fields(engine, decision, record));
    }

    private static String outcome(PolicyEngine engine, Decision decision, DisclosureRule rule, RegisterRecord record,
                                  Recipient recipient, String purposeId, DecisionFacts facts) {
        if (decision instanceof Permit && ((Permit) decision).ruleId().equals(rule.id())) {
            return "DECIDED";
        }
        if (rule.purposeId() != null && !rule.purposeId().equals(purposeId)) {
            return "OTHER_PURPOSE";
        }
        if (!rule.scope().covers(record, recipient, engine.regions())) {
            return "OUT_OF_SCOPE";
        }
        if (rule.isPermit()) {
            if (rule.mazl() && !mazlHolds(record, facts)) {
                return "CONDITION_NOT_MET";
            }
            return "NOT_REACHED";
        }
        if (rule.forbidsWholeRecord()) {
            return "FORBADE";
        }
        return decision instanceof Permit && ((Permit) decision).ruleIds().contains(rule.id()) ? "REMOVED_FIELDS"
                : "NOT_REACHED";
    }

    private static String reason(PolicyEngine engine, DisclosureRule rule, RegisterRecord record, Recipient recipient,
                                 String purposeId, DecisionFacts facts) {
        if (rule.purposeId() != null && !rule.purposeId().equals(purposeId)) {
            return "the rule is for purpose " + rule.purposeId() + ", not " + purposeId;
        }
        String miss = rule.scope().firstMiss(record, recipient, engine.regions());
        if (miss != null) {
            return miss;
        }
        if (rule.mazl()) {
            String why = record instanceof SickReport ? MazlCriterion.why((SickReport) record,
                    facts.otherSickReports(record), facts.calendar(record)) : null;
            return why == null ? "the M@ZL criterion does not hold" : "in scope, and " + why;
        }
        return "in scope (" + rule.scope().describe() + ")";
    }

    private static boolean mazlHolds(RegisterRecord record, DecisionFacts facts) {
        return record instanceof SickReport
                && MazlCriterion.holds((SickReport) record, facts.otherSickReports(record), facts.calendar(record));
    }

    private static List<Explanation.FieldOutcome> fields(PolicyEngine engine, Decision decision, RegisterRecord record) {
        List<Explanation.FieldOutcome> fields = new ArrayList<>();
        Map<DataField, Object> present = RecordFields.of(record).values();
        if (!(decision instanceof Permit)) {
            String why = "the record is not disclosed: " + ((Deny) decision).reason();
            for (DataField field : present.keySet()) {
                fields.add(new Explanation.FieldOutcome(field.jsonName(), FieldTreatment.DROP.yamlName(), null, null, why));
            }
            return fields;
        }
        Permit permit = (Permit) decision;
        DisclosureRule rule = engine.policySet().rule(permit.ruleId()).orElseThrow();
        boolean identifiable = engine.identifiable(rule);
        for (DataField field : present.keySet()) {
            DisclosureRule forbid = null;
            for (String id : permit.ruleIds()) {
                DisclosureRule other = engine.policySet().rule(id).orElseThrow();
                if (!other.isPermit() && other.forbiddenFields().contains(field)) {
                    forbid = other;
                    break;
                }
            }
            FieldTreatment treatment = rule.fields().get(field);
            if (forbid != null && treatment != null && treatment != FieldTreatment.DROP) {
                fields.add(new Explanation.FieldOutcome(field.jsonName(), FieldTreatment.DROP.yamlName(), null,
                        forbid.id(), "removed by forbid " + forbid.id() + ": " + forbid.description()));
            } else if (treatment == null || treatment == FieldTreatment.DROP) {
                fields.add(new Explanation.FieldOutcome(field.jsonName(), FieldTreatment.DROP.yamlName(), null, rule.id(),
                        treatment == null ? "permit " + rule.id() + " does not name this field (data minimisation)"
                                : "permit " + rule.id() + " drops this field explicitly"));
            } else {
                if (identifiable && treatment == FieldTreatment.PSEUDONYMISE) {
                    treatment = FieldTreatment.ALLOW;
                }
                DataField target = treatment.target(field);
                String why = treatment == FieldTreatment.ALLOW && rule.identifiableWith() != null
                        && (field == DataField.BSN || field == DataField.ONDERWIJSNUMMER)
                        ? "identifiable because legal-basis switch " + rule.identifiableWith() + " is on"
                        : "permit " + rule.id() + " says " + treatment.yamlName();
                fields.add(new Explanation.FieldOutcome(field.jsonName(), treatment.yamlName(), target.jsonName(),
                        rule.id(), why));
            }
        }
        return fields;
    }
}
