package nl.verzuimhub.bench.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.simulator.SyntheticRegion;

/**
 * The benchmark's inputs: every record state of the demo region's feed (all four record kinds, every version of
 * every object, pupils in and outside the demo recipients' municipality, partnership and GGD region) put to each of
 * the five demo recipients under its own purpose, plus one question in ten under a purpose the recipient was not
 * granted or that does not exist. Shuffled with a fixed seed, so consecutive decisions do not repeat one pattern.
 * Deterministic: the same inputs in every run.
 */
final class DecisionInputs {
    /** Purposes a recipient asks under by mistake: another recipient's purpose, or one no policy set knows. */
    private static final List<String> STRAY_PURPOSES = List.of("leerplicht", "passend-onderwijs",
            "jeugdgezondheidszorg", "toezicht", "marketing");

    private DecisionInputs() {
    }

    static List<DecisionInput> generate(SyntheticRegion region) {
        List<DecisionInput> inputs = new ArrayList<>();
        int index = 0;
        for (Mutation mutation : region.mutations()) {
            for (Recipient recipient : DemoRecipients.ALL) {
                inputs.add(new DecisionInput(mutation.record(), recipient, recipient.purposes().get(0)));
            }
            if (index % 10 == 0) {
                Recipient recipient = DemoRecipients.ALL.get((index / 10) % DemoRecipients.ALL.size());
                String purpose = STRAY_PURPOSES.get((index / 40) % STRAY_PURPOSES.size());
                inputs.add(new DecisionInput(mutation.record(), recipient, purpose));
            }
            index++;
        }
        Collections.shuffle(inputs, new Random(DemoRecipients.SIMULATOR_SEED));
        return List.copyOf(inputs);
    }
}
