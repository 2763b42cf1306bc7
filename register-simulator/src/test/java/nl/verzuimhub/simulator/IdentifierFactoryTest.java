package nl.verzuimhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import nl.verzuimhub.core.identity.ElevenTest;
import nl.verzuimhub.core.identity.PupilIdentifier;
import org.junit.jupiter.api.Test;

class IdentifierFactoryTest {

    @Test
    void aHundredThousandNumbersAreUniqueAndPassTheirChecks() {
        IdentifierFactory factory = new IdentifierFactory();
        SplittableRandom rng = new SplittableRandom(1);
        Set<String> values = new HashSet<>();
        List<String> failing = new ArrayList<>();
        int leadingZero = 0;
        for (int i = 0; i < 100_000; i++) {
            PupilIdentifier id = i % 33 == 0 ? factory.nextOnderwijsnummer(rng) : factory.nextBsn(rng);
            boolean passes = id.type() == PupilIdentifier.Type.BSN ? ElevenTest.isValidBsn(id.value())
                    : id.value().startsWith("10") && ElevenTest.isValidOnderwijsnummer(id.value());
            if (!values.add(id.value()) || !passes) {
                failing.add(id.type() + " #" + i);
            }
            leadingZero += id.value().startsWith("0") ? 1 : 0;
        }
        assertThat(failing).isEmpty();
        assertThat(values).hasSize(100_000);
        assertThat(leadingZero).isBetween(5_000, 15_000);
    }
}
