package nl.verzuimhub.core.identity;

/**
 * The weighted "eleven test" shared by the BSN and the onderwijsnummer.
 *
 * <p>For nine digits d1..d9 the sum is {@code 9·d1 + 8·d2 + ... + 2·d8 - d9}. A BSN is valid when the sum is
 * positive and divisible by 11; an onderwijsnummer starts with {@code 10} and its sum leaves 5 when divided by 11.
 */
public final class ElevenTest {
    private ElevenTest() {
    }

    /** The weighted sum of nine digits, or {@code Integer.MIN_VALUE} when the input is not exactly nine digits. */
    public static int weightedSum(CharSequence digits) {
        if (digits == null || digits.length() != 9) {
            return Integer.MIN_VALUE;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            int digit = c - '0';
            sum += (i < 8) ? (9 - i) * digit : -digit;
        }
        return sum;
    }

    /** True when {@code value} is a well-formed BSN (citizen service number). */
    public static boolean isValidBsn(CharSequence value) {
        int sum = weightedSum(value);
        return sum != Integer.MIN_VALUE && sum > 0 && sum % 11 == 0;
    }

    /** True when {@code value} is a well-formed onderwijsnummer (education number, issued when a pupil has no BSN). */
    public static boolean isValidOnderwijsnummer(CharSequence value) {
        int sum = weightedSum(value);
        return sum != Integer.MIN_VALUE && value.charAt(0) == '1' && value.charAt(1) == '0' && Math.floorMod(sum, 11) == 5;
    }
}
