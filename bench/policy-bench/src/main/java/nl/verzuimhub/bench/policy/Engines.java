package nl.verzuimhub.bench.policy;

import java.util.List;
import java.util.Set;
import nl.verzuimhub.policies.DecisionFacts;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.policies.Pseudonymiser;
import nl.verzuimhub.policies.RegionDirectory;
import nl.verzuimhub.simulator.SyntheticRegion;

/**
 * The three engines under comparison, set up as the hub sets up its own (same policy set, regions, legal-basis
 * switches and master key), the inputs they are asked about, and the pupil history all three read for the M@ZL
 * condition. Only the hub engine's public entry points are used: {@code new PolicyEngine(..)},
 * {@code decide(record, recipient, purposeId, facts)} and, after a jCasbin or Cedar allow, {@code minimise(..)} on an
 * engine of their own (the same minimisation step, with its own pseudonym cache).
 */
record Engines(List<DecisionInput> inputs, DecisionFacts facts, PolicyEngine hub, CasbinDecider casbin,
               CedarDecider cedar) {

    /** The demo configuration: every legal-basis switch off. */
    static Engines create() {
        return create(Set.of());
    }

    static Engines create(Set<String> switches) {
        SyntheticRegion region = SyntheticRegion.generate(DemoRecipients.SIMULATOR_SEED, DemoRecipients.SIMULATOR_PUPILS);
        DecisionFacts facts = new PupilHistory(region);
        return new Engines(DecisionInputs.generate(region), facts, engine(switches),
                new CasbinDecider(DemoRecipients.ALL, DemoRecipients.GGD_REGIONS, DemoRecipients.RMC_REGIONS,
                        new SharedSteps(engine(switches), facts)),
                new CedarDecider(DemoRecipients.ALL, DemoRecipients.GGD_REGIONS, DemoRecipients.RMC_REGIONS,
                        new SharedSteps(engine(switches), facts)));
    }

    private static PolicyEngine engine(Set<String> switches) {
        return new PolicyEngine(DefaultPolicySet.policySet(), new RegionDirectory(DemoRecipients.GGD_REGIONS,
                DemoRecipients.RMC_REGIONS, Set.of()), new Pseudonymiser(DemoRecipients.masterKey()), switches);
    }
}
