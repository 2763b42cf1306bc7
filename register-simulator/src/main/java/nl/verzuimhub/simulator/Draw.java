package nl.verzuimhub.simulator;

import java.util.List;
import java.util.SplittableRandom;

/** Small helpers to draw from a seeded {@link SplittableRandom}; never an unseeded source. */
final class Draw {
    private Draw() {
    }

    /** True with probability {@code p}. */
    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    /** A whole number from {@code low} to {@code high}, both inclusive. */
    static int between(SplittableRandom rng, int low, int high) {
        return rng.nextInt(low, high + 1);
    }

    static <T> T oneOf(SplittableRandom rng, List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    /** The index of one weight, drawn in proportion to the weights (which must not all be zero). */
    static int weighted(SplittableRandom rng, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int pick = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
