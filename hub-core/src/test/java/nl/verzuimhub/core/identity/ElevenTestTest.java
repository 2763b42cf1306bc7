package nl.verzuimhub.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ElevenTestTest {
    @Test
    void acceptsTheRegisterInterfaceExamples() {
        assertThat(ElevenTest.isValidBsn("111222333")).isTrue();
        assertThat(ElevenTest.isValidBsn("123456782")).isTrue();
        assertThat(ElevenTest.isValidOnderwijsnummer("101222331")).isTrue();
    }

    @Test
    void refusesAChangedDigitWrongLengthNonDigitsAndZeroSum() {
        assertThat(ElevenTest.isValidBsn("111222334")).isFalse();
        assertThat(ElevenTest.isValidBsn("11122233")).isFalse();
        assertThat(ElevenTest.isValidBsn("1112223333")).isFalse();
        assertThat(ElevenTest.isValidBsn("11122233a")).isFalse();
        assertThat(ElevenTest.isValidBsn("000000000")).isFalse();
        assertThat(ElevenTest.isValidBsn(null)).isFalse();
    }

    @Test
    void bsnAndOnderwijsnummerNeverCoincide() {
        assertThat(ElevenTest.isValidOnderwijsnummer("111222333")).isFalse();
        assertThat(ElevenTest.isValidBsn("101222331")).isFalse();
        assertThat(ElevenTest.isValidOnderwijsnummer("201222331")).as("must start with 10").isFalse();
    }

    @Test
    void anIdentifierNeverShowsItsNumber() {
        PupilIdentifier bsn = PupilIdentifier.bsn("123456782");
        assertThat(bsn.toString()).doesNotContain("123456782");
        assertThatThrownBy(() -> PupilIdentifier.bsn("123456783"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageNotContaining("123456783");
    }
}
