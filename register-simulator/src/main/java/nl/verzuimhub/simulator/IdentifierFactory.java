package nl.verzuimhub.simulator;

import java.util.SplittableRandom;
import nl.verzuimhub.core.identity.PupilIdentifier;

/**
 * Draws synthetic pupil numbers that pass hub-core's checks and are unique within one region: BSNs (nine digits whose
 * weighted sum is divisible by eleven; about one in ten starts with a zero, to exercise leading-zero handling) and
 * onderwijsnummers ({@code 10} followed by seven digits whose weighted sum leaves 5). The numbers are random: any
 * coincidence with a number issued to a real person is chance, and nothing real is attached to them.
 */
final class IdentifierFactory {
    private static final int[] WEIGHTS = {9, 8, 7, 6, 5, 4, 3, 2};

    private final IssuedNumbers issued = new IssuedNumbers();

    PupilIdentifier nextBsn(SplittableRandom rng) {
        while (true) {
            long candidate = complete(rng, 0, 0, 0);
            if (candidate > 0 && issued.add(candidate)) {
                return PupilIdentifier.bsn(nineDigits(candidate));
            }
        }
    }

    PupilIdentifier nextOnderwijsnummer(SplittableRandom rng) {
        while (true) {
            long candidate = complete(rng, 2, 10, 5);
            if (candidate > 0 && issued.add(candidate)) {
                return PupilIdentifier.onderwijsnummer(nineDigits(candidate));
            }
        }
    }

    /**
     * Nine digits, as a number: the first {@code fixedDigits} taken from {@code prefix}, the rest of the first eight
     * random, and a last digit that makes the weighted sum leave {@code remainder} modulo 11; -1 when no single digit
     * does (or all digits would be zero).
     */
    private static long complete(SplittableRandom rng, int fixedDigits, int prefix, int remainder) {
        String prefixDigits = fixedDigits == 0 ? "" : String.valueOf(prefix);
        long value = 0;
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int digit = i < fixedDigits ? prefixDigits.charAt(i) - '0' : rng.nextInt(10);
            sum += WEIGHTS[i] * digit;
            value = value * 10 + digit;
        }
        int last = Math.floorMod(sum - remainder, 11);
        if (last == 10 || sum - last == 0) {
            return -1;
        }
        return value * 10 + last;
    }

    /** {@code number} written with nine digits, leading zeros included. */
    private static String nineDigits(long number) {
        char[] digits = new char[9];
        long rest = number;
        for (int i = 8; i >= 0; i--) {
            digits[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(digits);
    }
}
