package nl.verzuimhub.bench.policy;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import nl.verzuimhub.core.disclosure.RecordView;
import nl.verzuimhub.policies.Decision;
import nl.verzuimhub.policies.Deny;
import nl.verzuimhub.policies.Permit;

/**
 * Proves that the comparison is of equal work: for every benchmark input the hub engine, jCasbin and Cedar reach the
 * same decision, and on a permit disclose exactly the same view (the same fields with the same values, pseudonyms
 * included) under the same rule id. Runs in every benchmark's setup, so a benchmark never measures engines that
 * disagree, and stands alone:
 * {@code java -cp bench/policy-bench/target/benchmarks.jar nl.verzuimhub.bench.policy.AgreementCheck}, which checks
 * the demo configuration and once more with the partnership's legal-basis switch on.
 *
 * <p>Messages name record kinds, ids, codes and field names, never field values (no personal data in output).
 */
public final class AgreementCheck {
    private AgreementCheck() {
    }

    /**
     * Prints the input mix and the decisions, with every switch off (the demo) and with the partnership's switch on;
     * exits with status 1 when the engines disagree on any input.
     */
    public static void main(String[] args) {
        try {
            System.out.println(verify(Engines.create()));
            System.out.println("with legal-basis switch " + DemoRecipients.PARTNERSHIP_SWITCH + " on: "
                    + verify(Engines.create(Set.of(DemoRecipients.PARTNERSHIP_SWITCH))));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Asks all three engines about every input.
     *
     * @return a summary of the inputs and decisions, one line per (recipient, outcome)
     * @throws IllegalStateException naming the first input on which the engines disagree
     */
    static String verify(Engines engines) {
        Map<String, Integer> tally = new TreeMap<>();
        int index = 0;
        for (DecisionInput input : engines.inputs()) {
            Decision hub = engines.hub().decide(input.record(), input.recipient(), input.purposeId(), engines.facts());
            Outcome casbin = engines.casbin().decide(input.record(), input.recipient(), input.purposeId());
            Outcome cedar = engines.cedar().decide(input.record(), input.recipient(), input.purposeId());
            RecordView hubView = hub instanceof Permit permit ? permit.view() : null;
            boolean agree = (hubView != null) == casbin.permitted() && casbin.permitted() == cedar.permitted()
                    && Objects.equals(hubView, casbin.view()) && Objects.equals(casbin.view(), cedar.view())
                    && (hubView == null || ((Permit) hub).ruleId().equals(casbin.ruleId()))
                    && Objects.equals(casbin.ruleId(), cedar.ruleId());
            if (!agree) {
                throw new IllegalStateException("engines disagree on input " + index + " (" + input.record().kind()
                        + " " + input.record().id() + ", municipality " + input.record().pupil().municipality()
                        + ", partnership " + input.record().school().map(s -> s.partnership()).orElse("-")
                        + ", recipient " + input.recipient().clientId() + ", purpose " + input.purposeId() + "): hub "
                        + describe(hub) + ", jCasbin " + describe(casbin) + ", Cedar " + describe(cedar)
                        + (hubView != null && casbin.view() != null && !hubView.equals(casbin.view())
                        ? " (same fields, different values: " + hubView.fields().equals(casbin.view().fields()) + ")"
                        : ""));
            }
            String outcome = hub instanceof Deny deny ? "deny " + deny.reason() : "permit";
            tally.merge(String.format("%-18s %-20s %-16s %s", input.recipient().clientId(), input.purposeId(),
                    input.record().kind(), outcome), 1, Integer::sum);
            index++;
        }
        StringBuilder summary = new StringBuilder("all three engines agree on " + index + " inputs (decision, "
                + "disclosed view, rule):\n");
        tally.forEach((line, count) -> summary.append(String.format("  %6d  %s%n", count, line)));
        return summary.toString();
    }

    private static String describe(Decision decision) {
        return decision instanceof Permit permit ? "permit " + permit.ruleId() + " " + permit.view()
                : "deny " + ((Deny) decision).reason();
    }

    private static String describe(Outcome outcome) {
        return outcome.permitted() ? "permit " + outcome.ruleId() + " " + outcome.view() : "deny";
    }
}
