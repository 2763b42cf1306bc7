package nl.verzuimhub.simulator;

/**
 * Derives independent random streams from one region seed, so that each part of the region (schools, each pupil,
 * sequence gaps) draws from its own stream and does not shift when another part draws more or less.
 */
final class Seeds {
    static final long SCHOOLS = -1;
    static final long SEQUENCE_GAPS = -2;
    static final long EXEMPTION_DECK = -3;
    static final long QUOTAS = -4;

    private Seeds() {
    }

    /** The seed of stream {@code stream} of region {@code seed}: SplitMix64's finaliser over both. */
    static long derive(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 3);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
