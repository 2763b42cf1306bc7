package nl.verzuimhub.connectors.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class RegisterPageValidatorTest {
    private final RegisterPageParser parser = new RegisterPageParser();
    private final RegisterPageValidator validator = new RegisterPageValidator();

    @Test
    void acceptsTheSamplePagesAtTheirPlaceInTheFeed() {
        assertThatCode(() -> validator.validate(parser.parse(Samples.bytes("page-1.xml")))).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(parser.parse(Samples.bytes("page-2.xml")))).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(parser.parse(Samples.bytes("empty.xml")))).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnEmptyPageThatSkipsAhead() {
        assertThatCode(() -> validator.validate(parser.parse(Samples.bytes("empty.xml")))).doesNotThrowAnyException();
    }

    @Test
    void refusesABsnThatFailsTheElevenTestWithoutNamingIt() throws Exception {
        // 123456789: weighted sum 147, not divisible by 11.
        byte[] page = Samples.edited("page-1.xml", "<Bsn>691682483</Bsn>", "<Bsn>123456789</Bsn>");

        String reason = rejectionOf(0, page);

        assertThat(reason).contains("volgnummer 1004").contains("Bsn").contains("eleven-test")
                .doesNotContain("123456789").doesNotContain("12345678");
    }

    @Test
    void refusesAnOnderwijsnummerThatFailsItsTestWithoutNamingIt() throws Exception {
        byte[] page = Samples.edited("page-1.xml", "<Onderwijsnummer>101222331</Onderwijsnummer>",
                "<Onderwijsnummer>101222332</Onderwijsnummer>");

        String reason = rejectionOf(0, page);

        assertThat(reason).contains("volgnummer 1006").contains("onderwijsnummer test").doesNotContain("101222332");
    }

    @Test
    void refusesABsnGivenAsOnderwijsnummer() throws Exception {
        // A valid BSN, but an onderwijsnummer must start with 10 and leave 5 mod 11.
        byte[] page = Samples.edited("page-1.xml", "<Onderwijsnummer>101222331</Onderwijsnummer>",
                "<Onderwijsnummer>111222333</Onderwijsnummer>");

        assertThat(rejectionOf(0, page)).contains("volgnummer 1006").contains("onderwijsnummer test");
    }

    @Test
    void refusesDecreasingVolgnummers() throws Exception {
        byte[] page = Samples.edited("page-1.xml", "volgnummer=\"1002\"", "volgnummer=\"1000\"");

        assertThat(rejectionOf(0, page)).contains("volgnummer 1000 does not follow volgnummer 1001");
    }

    @Test
    void refusesARepeatedVolgnummer() throws Exception {
        byte[] page = Samples.edited("page-1.xml", "volgnummer=\"1002\"", "volgnummer=\"1001\"");

        assertThat(rejectionOf(0, page)).contains("volgnummer 1001 does not follow volgnummer 1001");
    }

    @Test
    void acceptsAPageServedAgainBelowTheRequestedVanafBecauseApplyingItTwiceChangesNothing() throws Exception {
        var batch = parser.parse(Samples.bytes("page-1.xml"));
        assertThatCode(() -> validator.validate(batch)).doesNotThrowAnyException();
    }

    @Test
    void refusesAVolgendVolgnummerThatDoesNotPassTheLastVolgnummer() throws Exception {
        byte[] page = Samples.edited("page-1.xml", "<VolgendVolgnummer>1007</VolgendVolgnummer>",
                "<VolgendVolgnummer>1006</VolgendVolgnummer>");

        assertThat(rejectionOf(0, page)).contains("VolgendVolgnummer 1006 is not greater than the last volgnummer 1006");
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() throws Exception {
        byte[] page = Samples.edited("page-1.xml", "<Einddatum>2024-09-27</Einddatum>", "<Einddatum>2024-09-01</Einddatum>");

        String reason = rejectionOf(0, page);

        assertThat(reason).contains("volgnummer 1001").contains("Einddatum is before Begindatum").doesNotContain("2024-09");
    }

    @Test
    void namesEveryProblemOfThePage() throws Exception {
        String text = Samples.text("page-1.xml")
                .replace("<Bsn>725763863</Bsn>", "<Bsn>123456789</Bsn>")
                .replace("<Einddatum>2025-07-31</Einddatum>", "<Einddatum>2024-07-31</Einddatum>");

        String reason = rejectionOf(0, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(reason).contains("volgnummer 1001").contains("volgnummer 1003");
    }

    private String rejectionOf(long vanaf, byte[] page) throws PageRejectedException {
        var batch = parser.parse(page);
        PageRejectedException rejected = catchThrowableOfType(PageRejectedException.class, () -> validator.validate(batch));
        assertThat(rejected).as("the page is refused").isNotNull();
        for (String value : Samples.PERSONAL_VALUES) {
            assertThat(rejected.reason()).doesNotContain(value);
        }
        return rejected.reason();
    }
}
