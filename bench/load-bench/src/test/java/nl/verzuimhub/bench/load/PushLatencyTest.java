package nl.verzuimhub.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The harness's arithmetic, not a benchmark: which page created a pushed item, and its latency from there. */
class PushLatencyTest {
    private static final long MS = 1_000_000;
    /** Pages 0, 1 and 2 served at 0, 100 and 200 ms. */
    private static final long[] SERVED = {0, 100 * MS, 200 * MS};

    @Test
    void anItemIsMeasuredFromThePageThatCarriedItsVersionWhenThatPageCreatedIt() {
        PushLatency latency = new PushLatency();
        latency.add(10, 0, 40 * MS);
        latency.add(11, 0, 50 * MS);
        latency.add(20, 1, 130 * MS);
        latency.add(30, 2, 260 * MS);

        PushLatency.Summary summary = latency.summary(SERVED);

        assertThat(summary.fromCreatingPage().count()).isEqualTo(4);
        assertThat(summary.fromCreatingPage().millis(1.0)).isEqualTo(60.0);
        assertThat(summary.fromCreatingPage().millis(0.5)).isEqualTo(40.0);
        assertThat(summary.redecidedFromVersionPage().count()).isZero();
    }

    @Test
    void aVersionReDecidedByALaterPageIsMeasuredFromThatPageAndReportedApart() {
        PushLatency latency = new PushLatency();
        latency.add(10, 0, 40 * MS);
        latency.add(20, 1, 130 * MS);
        latency.add(23, 0, 250 * MS); // page 0's version, created among page 1's deliveries (ids 20..)
        latency.add(30, 2, 210 * MS);

        PushLatency.Summary summary = latency.summary(SERVED);

        assertThat(summary.fromCreatingPage().millis(1.0)).isEqualTo(150.0); // 250 - 100, not 250 - 0
        assertThat(summary.redecidedFromVersionPage().count()).isEqualTo(1);
        assertThat(summary.redecidedFromVersionPage().millis(1.0)).isEqualTo(250.0);
    }

    @Test
    void betweenTwoPagesBlocksTheEarlierPageIsTakenSoTheLatencyIsNeverFlattered() {
        PushLatency latency = new PushLatency();
        latency.add(10, 0, 40 * MS);
        latency.add(20, 2, 230 * MS);
        latency.add(15, 0, 190 * MS); // page 1 pushed nothing: id 15 may be page 0's or page 1's; page 0 is taken

        PushLatency.Summary summary = latency.summary(SERVED);

        assertThat(summary.fromCreatingPage().millis(1.0)).isEqualTo(190.0);
        assertThat(summary.redecidedFromVersionPage().count()).isZero();
    }
}
