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
            String candidate = complete(rng, 0, 0, 0);
            if (candidate != null && issued.add(Long.parseLong(candidate))) {
                return PupilIdentifier.bsn(candidate);
            }
        }
    }

    PupilIdentifier nextOnderwijsnummer(SplittableRandom rng) {
        while (true) {
            String candidate = complete(rng, 2, 10, 5);
            if (candidate != null && issued.add(Long.parseLong(candidate))) {
                return PupilIdentifier.onderwijsnummer(candidate);
            }
        }
    }

    /**
     * Nine digits: the first {@code fixedDigits} taken from {@code prefix}, the rest of the first eight random, and a
     * last digit that makes the weighted sum leave {@code remainder} modulo 11; null when no single digit does.
     */
    private static String complete(SplittableRandom rng, int fixedDigits, int prefix, int remainder) {
        int[] digits = new int[9];
        String prefixDigits = fixedDigits == 0 ? "" : String.valueOf(prefix);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            digits[i] = i < fixedDigits ? prefixDigits.charAt(i) - '0' : rng.nextInt(10);
            sum += WEIGHTS[i] * digits[i];
        }
        int last = Math.floorMod(sum - remainder, 11);
        if (last == 10 || sum - last == 0) {
            return null;
        }
        digits[8] = last;
        StringBuilder value = new StringBuilder(9);
        for (int digit : digits) {
            value.append(digit);
        }
        return value.toString();
    }
}
