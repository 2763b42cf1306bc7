package nl.verzuimhub.bench.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.disclosure.RecordFields;
import nl.verzuimhub.core.disclosure.RecordView;
import nl.verzuimhub.policies.Decision;
import nl.verzuimhub.policies.Permit;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.policies.Pseudonymiser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where the hub engine's time goes, part by part, on the same inputs as {@link PolicyDecisionBenchmark}: a decision
 * that permits versus one that denies, and the steps a permit pays for (reading every field of the record, the HMAC
 * pseudonym, the whole field projection) and every decision pays for (a random decision id). Average time per call.
 * Not part of the comparison; run it on its own: {@code java -jar benchmarks.jar HubEngineParts}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HubEngineParts {
    private DecisionInput[] permits;
    private DecisionInput[] denials;
    private PolicyEngine hub;
    private Pseudonymiser pseudonymiser;
    private FieldProjection projection;
    private String[] ruleIds;
    private Map<String, Map<DataField, FieldRules.Treatment>> immutableTreatments;
    private int nextPermit;
    private int nextDenial;

    @Setup(Level.Trial)
    public void setUp() {
        Engines engines = Engines.create();
        hub = engines.hub();
        pseudonymiser = new Pseudonymiser(DemoRecipients.masterKey());
        projection = new FieldProjection(pseudonymiser);
        List<DecisionInput> permitted = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        List<DecisionInput> denied = new ArrayList<>();
        for (DecisionInput input : engines.inputs()) {
            Outcome outcome = engines.casbin().decide(input.record(), input.recipient(), input.purposeId());
            if (outcome.permitted()) {
                permitted.add(input);
                rules.add(outcome.ruleId());
            } else {
                denied.add(input);
            }
        }
        immutableTreatments = new HashMap<>();
        for (String ruleId : rules) {
            immutableTreatments.computeIfAbsent(ruleId, id -> Map.copyOf(FieldRules.of(id)));
        }
        permits = permitted.toArray(new DecisionInput[0]);
        ruleIds = rules.toArray(new String[0]);
        denials = denied.toArray(new DecisionInput[0]);
    }

    /** A whole decision on an input the policy permits: rule lookup, scope check and minimisation. */
    @Benchmark
    public Decision decidePermit() {
        DecisionInput input = permits[nextPermit()];
        return hub.decide(input.record(), input.recipient(), input.purposeId());
    }

    /** A whole decision on an input the policy denies (no minimisation; builds the explanation text). */
    @Benchmark
    public Decision decideDeny() {
        DecisionInput input = denials[nextDenial()];
        return hub.decide(input.record(), input.recipient(), input.purposeId());
    }

    /** Reading every field of the record into a view ({@link RecordFields#of}), ISO date formatting included. */
    @Benchmark
    public RecordView recordFields() {
        return RecordFields.of(permits[nextPermit()].record());
    }

    /** One per-recipient HMAC-SHA256 pseudonym, as a partnership permit computes it. */
    @Benchmark
    public String pseudonym() {
        DecisionInput input = permits[nextPermit()];
        return pseudonymiser.pseudonym(input.recipient().clientId(), input.record().pupil().identifier().value());
    }

    /** The minimisation that follows a permit: the plain field projection the library integrations use. */
    @Benchmark
    public RecordView projection() {
        int index = nextPermit();
        DecisionInput input = permits[index];
        return projection.project(input.record(), FieldRules.of(ruleIds[index]), input.recipient().clientId());
    }

    /**
     * The same projection with the rule's treatments in a {@code Map.copyOf} map (a hashed immutable map, as the
     * engine's {@code DisclosureRule} holds them when this was written) instead of an {@code EnumMap}: the
     * difference is the cost of one hashed lookup per record field.
     */
    @Benchmark
    public RecordView projectionImmutableMap() {
        int index = nextPermit();
        DecisionInput input = permits[index];
        return projection.project(input.record(), immutableTreatments.get(ruleIds[index]),
                input.recipient().clientId());
    }

    /** A random (version 4) decision id as text, the way the engine draws one for every decision. */
    @Benchmark
    public String decisionId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
    }

    private int nextPermit() {
        int index = nextPermit;
        nextPermit = index + 1 == permits.length ? 0 : index + 1;
        return index;
    }

    private int nextDenial() {
        int index = nextDenial;
        nextDenial = index + 1 == denials.length ? 0 : index + 1;
        return index;
    }
}
