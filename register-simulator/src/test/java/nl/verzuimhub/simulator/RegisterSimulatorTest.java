package nl.verzuimhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.verzuimhub.core.record.Mutation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterSimulatorTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2025-08-01T06:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    private static final SyntheticRegion REGION = SyntheticRegion.generate(42, 4000);
    private static final RegisterSimulator SIMULATOR = new RegisterSimulator(REGION.mutations(), CLOCK);

    @Test
    void followingVolgendVolgnummerWhileMeerReturnsEveryMutationExactlyOnceInSchemaValidPages() {
        List<Long> served = new ArrayList<>();
        long vanaf = 0;
        int pages = 0;
        RegisterXml.Page page;
        do {
            byte[] xml = SIMULATOR.page(vanaf, 500);
            RegisterXml.validate(xml);
            page = RegisterXml.read(xml);
            pages++;
            assertThat(page.sequences()).hasSizeLessThanOrEqualTo(500).isNotEmpty();
            assertThat(page.next()).isEqualTo(page.sequences().get(page.sequences().size() - 1) + 1);
            if (page.more()) {
                assertThat(page.sequences()).hasSize(500);
            }
            served.addAll(page.sequences());
            vanaf = page.next();
        } while (page.more());

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(served).containsExactlyElementsOf(REGION.mutations().stream().map(Mutation::sequence).toList());

        byte[] end = SIMULATOR.page(vanaf, 500);
        RegisterXml.validate(end);
        RegisterXml.Page empty = RegisterXml.read(end);
        assertThat(empty.sequences()).isEmpty();
        assertThat(empty.next()).isEqualTo(vanaf);
        assertThat(empty.more()).isFalse();
    }

    @Test
    void sameSeedSizeAndClockServeIdenticalPagesAndAnotherSeedServesOthers() {
        RegisterSimulator again = new RegisterSimulator(SyntheticRegion.generate(42, 4000).mutations(), CLOCK);
        RegisterSimulator other = new RegisterSimulator(SyntheticRegion.generate(43, 4000).mutations(), CLOCK);

        for (long vanaf = 0; vanaf < 2500; vanaf += 500) {
            assertThat(again.page(vanaf, 500)).isEqualTo(SIMULATOR.page(vanaf, 500));
        }
        assertThat(other.page(0, 500)).isNotEqualTo(SIMULATOR.page(0, 500));
    }

    @Test
    void aPageStartsAtTheFirstSequenceAtOrAfterVanafEvenInsideAGap() {
        List<Mutation> mutations = REGION.mutations();
        int gapAt = 1;
        while (mutations.get(gapAt).sequence() == mutations.get(gapAt - 1).sequence() + 1) {
            gapAt++;
        }
        long insideGap = mutations.get(gapAt - 1).sequence() + 1;

        RegisterXml.Page page = RegisterXml.read(SIMULATOR.page(insideGap, 2));

        assertThat(page.sequences()).containsExactly(mutations.get(gapAt).sequence(),
                mutations.get(gapAt + 1).sequence());
        assertThat(page.next()).isEqualTo(mutations.get(gapAt + 1).sequence() + 1);
        assertThat(page.more()).isTrue();
    }

    @Test
    void meerIsFalseWhenThePageTakesTheLastMutation() {
        List<Mutation> mutations = REGION.mutations();
        long secondToLast = mutations.get(mutations.size() - 2).sequence();

        RegisterXml.Page page = RegisterXml.read(SIMULATOR.page(secondToLast, 2));

        assertThat(page.sequences()).hasSize(2);
        assertThat(page.more()).isFalse();
        assertThat(page.next()).isEqualTo(mutations.get(mutations.size() - 1).sequence() + 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE})
    void aPageSizeOutsideOneToThousandIsRefused(int max) {
        assertThatThrownBy(() -> SIMULATOR.page(0, max)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pageSizesOneAndThousandAreServed() {
        byte[] one = SIMULATOR.page(0, 1);
        byte[] thousand = SIMULATOR.page(0, 1000);

        RegisterXml.validate(one);
        RegisterXml.validate(thousand);
        assertThat(RegisterXml.read(one).sequences()).containsExactly(1L);
        assertThat(RegisterXml.read(thousand).sequences()).hasSize(1000);
    }

    @Test
    void aNegativeVanafIsRefused() {
        assertThatThrownBy(() -> SIMULATOR.page(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aangemaaktIsTheClocksTimeInTheClocksZone() {
        assertThat(RegisterXml.read(SIMULATOR.page(0, 1)).created()).isEqualTo("2025-08-01T08:00:00+02:00");
    }

    @Test
    void mutationsWhoseSequencesDoNotIncreaseAreRefused() {
        List<Mutation> mutations = REGION.mutations();

        assertThatThrownBy(() -> new RegisterSimulator(List.of(mutations.get(1), mutations.get(0)), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegisterSimulator(List.of(mutations.get(0), mutations.get(0)), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyFeedServesAnEmptyPage() {
        RegisterXml.Page page = RegisterXml.read(new RegisterSimulator(List.of(), CLOCK).page(0, 500));

        assertThat(page.sequences()).isEmpty();
        assertThat(page.next()).isZero();
        assertThat(page.more()).isFalse();
    }
}
