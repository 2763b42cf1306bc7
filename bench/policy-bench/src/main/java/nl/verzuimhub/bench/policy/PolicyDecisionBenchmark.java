package nl.verzuimhub.bench.policy;

import java.util.List;
import nl.verzuimhub.policies.Decision;
import nl.verzuimhub.policies.DecisionFacts;
import nl.verzuimhub.policies.Permit;
import nl.verzuimhub.policies.PolicyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One disclosure decision, minimisation included, by the hub engine, jCasbin and Cedar. Each call takes the next of
 * the precomputed {@link DecisionInputs} (cycling) and returns the result, which JMH consumes. The setup generates
 * the inputs, builds the engines and runs {@link AgreementCheck}, so all three measure equal work. The concrete
 * subclasses choose the mode: {@link DecisionLatency} (percentiles) and {@link DecisionThroughput} (ops/s).
 *
 * <p>{@code inputs=mix} cycles through all inputs (about three in four are denied, which is cheap);
 * {@code inputs=permits} only through those the policy permits, so every call pays for minimisation.
 */
@State(Scope.Thread)
public abstract class PolicyDecisionBenchmark {
    private DecisionInput[] inputs;
    private PolicyEngine hub;
    private DecisionFacts facts;
    private CasbinDecider casbin;
    private CedarDecider cedar;
    private int next;

    /**
     * JVM property that skips {@link AgreementCheck}: only for timing the hub engine alone while the jCasbin and Cedar
     * rules have not yet caught up with a changed policy set (then their numbers measure different work).
     */
    static final String SKIP_AGREEMENT = "policy-bench.skipAgreement";

    /** Which inputs to cycle through: {@code mix} (all) or {@code permits} (only those that are permitted). */
    @Param({"mix", "permits"})
    public String inputSet;

    @Setup(Level.Trial)
    public void setUp() {
        Engines engines = Engines.create();
        if (Boolean.getBoolean(SKIP_AGREEMENT)) {
            System.err.println("WARNING: -D" + SKIP_AGREEMENT + "=true: the engines were not checked to agree; "
                    + "compare nothing but the hub engine's own numbers");
        } else {
            AgreementCheck.verify(engines);
        }
        List<DecisionInput> chosen = switch (inputSet) {
            case "mix" -> engines.inputs();
            case "permits" -> engines.inputs().stream().filter(input -> engines.hub()
                    .decide(input.record(), input.recipient(), input.purposeId(), engines.facts()) instanceof Permit)
                    .toList();
            default -> throw new IllegalArgumentException("inputSet must be mix or permits, was " + inputSet);
        };
        inputs = chosen.toArray(new DecisionInput[0]);
        hub = engines.hub();
        facts = engines.facts();
        casbin = engines.casbin();
        cedar = engines.cedar();
    }

    @Benchmark
    public Decision hubEngine() {
        DecisionInput input = nextInput();
        return hub.decide(input.record(), input.recipient(), input.purposeId(), facts);
    }

    @Benchmark
    public Outcome jcasbin() {
        DecisionInput input = nextInput();
        return casbin.decide(input.record(), input.recipient(), input.purposeId());
    }

    @Benchmark
    public Outcome cedar() {
        DecisionInput input = nextInput();
        return cedar.decide(input.record(), input.recipient(), input.purposeId());
    }

    private DecisionInput nextInput() {
        DecisionInput input = inputs[next];
        if (++next == inputs.length) {
            next = 0;
        }
        return input;
    }
}
