package nl.verzuimhub.bench.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import nl.verzuimhub.core.disclosure.RecordView;
import nl.verzuimhub.policies.Decision;
import nl.verzuimhub.policies.DecisionFacts;
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
 * that permits versus one that denies, and the steps a permit pays for (the minimisation step on its own, and within
 * it a pseudonym) and every decision pays for (a random decision id). Sampled single-call times, whose median stays
 * meaningful on a shared, loaded machine (an average does not); add {@code -prof gc} for the bytes each part
 * allocates. Not part of the comparison; run it on its own: {@code java -jar benchmarks.jar HubEngineParts}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HubEngineParts {
    private DecisionInput[] permits;
    private String[] ruleIds;
    private DecisionInput[] denials;
    private PolicyEngine hub;
    private DecisionFacts facts;
    private Pseudonymiser pseudonymiser;
    private int nextPermit;
    private int nextDenial;

    @Setup(Level.Trial)
    public void setUp() {
        Engines engines = Engines.create();
        hub = engines.hub();
        facts = engines.facts();
        pseudonymiser = new Pseudonymiser(DemoRecipients.masterKey());
        List<DecisionInput> permitted = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        List<DecisionInput> denied = new ArrayList<>();
        for (DecisionInput input : engines.inputs()) {
            Decision decision = hub.decide(input.record(), input.recipient(), input.purposeId(), facts);
            if (decision instanceof Permit permit) {
                permitted.add(input);
                rules.add(permit.ruleId());
            } else {
                denied.add(input);
            }
        }
        permits = permitted.toArray(new DecisionInput[0]);
        ruleIds = rules.toArray(new String[0]);
        denials = denied.toArray(new DecisionInput[0]);
    }

    /** A whole decision on an input the policy permits: rule lookup, scope check, condition and minimisation. */
    @Benchmark
    public Decision decidePermit() {
        DecisionInput input = permits[nextPermit()];
        return hub.decide(input.record(), input.recipient(), input.purposeId(), facts);
    }

    /** A whole decision on an input the policy denies (no minimisation; builds the explanation text). */
    @Benchmark
    public Decision decideDeny() {
        DecisionInput input = denials[nextDenial()];
        return hub.decide(input.record(), input.recipient(), input.purposeId(), facts);
    }

    /** The minimisation step on its own ({@link PolicyEngine#minimise}), as jCasbin and Cedar call it after an allow. */
    @Benchmark
    public RecordView minimise() {
        int index = nextPermit();
        DecisionInput input = permits[index];
        return hub.minimise(input.record(), ruleIds[index], input.recipient(), input.purposeId());
    }

    /** One per-recipient HMAC-SHA256 pseudonym (a partnership permit's; cached per recipient after the first). */
    @Benchmark
    public String pseudonym() {
        DecisionInput input = permits[nextPermit()];
        return pseudonymiser.pseudonym(input.recipient().clientId(), input.record().pupil().identifier().value());
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
