package nl.verzuimhub.bench.policy;

import java.util.List;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.policies.Pseudonymiser;
import nl.verzuimhub.policies.RegionDirectory;

/**
 * The three engines under comparison, set up as the hub sets up its own (same policy set, GGD regions and master
 * key), and the inputs they are asked about. Only the hub engine's public entry points are used:
 * {@code new PolicyEngine(DefaultPolicySet.policySet(), new RegionDirectory(..), new Pseudonymiser(..))} and
 * {@code decide(record, recipient, purposeId)}.
 */
record Engines(List<DecisionInput> inputs, PolicyEngine hub, CasbinDecider casbin, CedarDecider cedar) {

    static Engines create() {
        byte[] masterKey = DemoRecipients.masterKey();
        PolicyEngine hub = new PolicyEngine(DefaultPolicySet.policySet(),
                new RegionDirectory(DemoRecipients.GGD_REGIONS), new Pseudonymiser(masterKey));
        FieldProjection projection = new FieldProjection(new Pseudonymiser(masterKey));
        return new Engines(DecisionInputs.generate(), hub,
                new CasbinDecider(DemoRecipients.ALL, DemoRecipients.GGD_REGIONS, projection),
                new CedarDecider(DemoRecipients.ALL, DemoRecipients.GGD_REGIONS, projection));
    }
}
