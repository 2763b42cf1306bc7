package nl.verzuimhub.server.dashboard.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
    static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void theRfc6238TestVectorsHold(long unixTime, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(unixTime)), 8)).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixDigitsOfTheEightDigitOnes() {
        Instant at = Instant.ofEpochSecond(1111111109);
        assertThat(Totp.code(RFC_SECRET, at)).isEqualTo("081804");
    }

    @Test
    void acceptsOneStepOfDriftEitherSideAndNothingFurther() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long current = Totp.step(now);
        for (long offset = -1; offset <= 1; offset++) {
            String code = Totp.code(RFC_SECRET, current + offset, 6);
            assertThat(Totp.matchingStep(RFC_SECRET, code, now)).isEqualTo(current + offset);
        }
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current - 2, 6), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current + 2, 6), now)).isEqualTo(-1);
    }

    @Test
    void malformedCodesNeverMatch() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, "28708a", now)).isEqualTo(-1);
    }

    @Test
    void base32DecodesTheRfcSecretAndRejectsOtherCharacters() {
        assertThat(Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(RFC_SECRET);
        assertThat(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_SECRET);
        assertThatThrownBy(() -> Base32.decode("GEZ1")).isInstanceOf(IllegalArgumentException.class);
    }
}
