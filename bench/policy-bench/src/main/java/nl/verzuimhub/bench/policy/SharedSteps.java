package nl.verzuimhub.bench.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.SickReport;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.policies.Ages;
import nl.verzuimhub.policies.DecisionFacts;
import nl.verzuimhub.policies.MazlCriterion;
import nl.verzuimhub.policies.PolicyEngine;

/**
 * What the jCasbin and the Cedar integration share around their own decision, so both do the same work the hub
 * engine does inside {@code decide}:
 * <ul>
 *   <li>the record attributes their rules test beyond the record's own codes, computed per call with the hub's own
 *       public functions from the same inputs: whether the M@ZL criterion holds (sick reports only;
 *       {@link MazlCriterion#holds(SickReport, DecisionFacts)} on the same pupil history), the verzuimsoort and the
 *       pupil's age at the start of the period (the RMC rule's scope);</li>
 *   <li>after an allow, the hub's minimisation step ({@link PolicyEngine#minimise}) on an engine of their own, under
 *       the rule id the library named.</li>
 * </ul>
 */
final class SharedSteps {
    private final PolicyEngine minimiser;
    private final DecisionFacts facts;

    SharedSteps(PolicyEngine minimiser, DecisionFacts facts) {
        this.minimiser = minimiser;
        this.facts = facts;
    }

    boolean mazl(RegisterRecord record) {
        return record instanceof SickReport && MazlCriterion.holds((SickReport) record, facts);
    }

    /** The verzuimsoort of an absence report, or null for any other record. */
    static String absenceType(RegisterRecord record) {
        return record instanceof AbsenceReport ? ((AbsenceReport) record).absenceType().name() : null;
    }

    static int age(RegisterRecord record) {
        return Ages.at(record.pupil().birthDate(), record.period().start());
    }

    /** The outcome of an allow under {@code ruleId}: the view the hub's minimisation step gives. */
    Outcome permitted(RegisterRecord record, String ruleId, Recipient recipient, String purposeId) {
        return new Outcome(ruleId, minimiser.minimise(record, ruleId, recipient, purposeId));
    }

    /** A rule file of {@code src/main/resources/policy-bench/}. */
    static String resource(String name) {
        try (InputStream in = SharedSteps.class.getResourceAsStream("/policy-bench/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource policy-bench/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
