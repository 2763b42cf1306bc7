package nl.verzuimhub.simulator;

/**
 * The pupil numbers a region has issued, as a set of positive longs (open addressing, linear probing): a few bytes
 * per number instead of a String in a HashSet, so that a national region of 2.4 million pupils needs tens of MB here
 * rather than hundreds. Not thread-safe.
 */
final class IssuedNumbers {
    private long[] slots = new long[1 << 12];
    private int size;

    /** Adds {@code number} (positive); true when it was not issued before. */
    boolean add(long number) {
        if (number <= 0) {
            throw new IllegalArgumentException("pupil numbers are positive");
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (!insert(slots, number)) {
            return false;
        }
        size++;
        return true;
    }

    private static boolean insert(long[] table, long number) {
        int mask = table.length - 1;
        int i = (int) (Seeds.derive(number, 0) & mask);
        while (table[i] != 0) {
            if (table[i] == number) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = number;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long number : slots) {
            if (number != 0) {
                insert(bigger, number);
            }
        }
        slots = bigger;
    }
}
