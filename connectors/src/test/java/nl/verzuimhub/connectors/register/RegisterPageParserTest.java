package nl.verzuimhub.connectors.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.verzuimhub.connectors.register.xml.Mutatie;
import nl.verzuimhub.connectors.register.xml.MutatieBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterPageParserTest {
    private static final String PAGE_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private final RegisterPageParser parser = new RegisterPageParser();

    @Test
    void parsesEveryMutationOfAValidPageInFeedOrder() throws Exception {
        MutatieBatch batch = parser.parse(Samples.bytes("page-1.xml"));

        assertThat(batch.getMutatie()).extracting(Mutatie::getVolgnummer).containsExactly(1001L, 1002L, 1003L, 1004L, 1006L);
        assertThat(batch.getVolgendVolgnummer()).isEqualTo(1007L);
        assertThat(batch.isMeer()).isTrue();
    }

    @Test
    void parsesAnEmptyPage() throws Exception {
        MutatieBatch batch = parser.parse(Samples.bytes("empty.xml"));

        assertThat(batch.getMutatie()).isEmpty();
        assertThat(batch.getVolgendVolgnummer()).isEqualTo(1009L);
        assertThat(batch.isMeer()).isFalse();
    }

    @Test
    void refusesAnInvalidBrinNamingLineVolgnummerAndElementButNotTheValue() {
        byte[] page = Samples.edited("page-1.xml", "<Brin>12AB</Brin>", "<Brin>1XAB</Brin>");

        String reason = rejectionOf(page);

        assertThat(reason)
                .contains("line " + Samples.lineOf(page, "<Brin>1XAB</Brin>") + ":")
                .contains("volgnummer 1001")
                .contains("Inschrijving/Brin")
                .contains("pattern")
                .doesNotContain("1XAB");
    }

    @Test
    void refusesAMissingRequiredElementNamingWhatWasExpected() {
        byte[] page = Samples.edited("page-1.xml", "<Verzuimsoort>V3</Verzuimsoort>", "");

        String reason = rejectionOf(page);

        // The validator notices the gap at the next element, Periode, one line below the removed one.
        assertThat(reason)
                .contains("line " + (Samples.lineOf(Samples.bytes("page-1.xml"), "<Verzuimsoort>V3</Verzuimsoort>") + 1) + ":")
                .contains("volgnummer 1001")
                .contains("cvc-complex-type.2.4.a")
                .contains("Verzuimsoort");
    }

    @Test
    void refusesAMalformedBsnWithoutRepeatingItsDigits() {
        byte[] page = Samples.edited("page-1.xml", "<Bsn>162275869</Bsn>", "<Bsn>16227586</Bsn>");

        String reason = rejectionOf(page);

        assertThat(reason).contains("volgnummer 1002").contains("Leerling/Bsn").doesNotContain("16227586");
    }

    @Test
    void refusesOverlongFreeTextWithoutRepeatingIt() {
        String secret = "Vertrouwelijk: " + "x".repeat(2000);
        byte[] page = Samples.edited("page-1.xml", "Wacht op plek in speciaal onderwijs.", secret);

        String reason = rejectionOf(page);

        assertThat(reason).contains("volgnummer 1002").contains("VermoedelijkeReden").contains("longer")
                .doesNotContain("Vertrouwelijk");
    }

    @Test
    void refusesAnInvalidVolgnummerAttributeNamingTheAttributeButNotTheValue() {
        byte[] page = Samples.edited("page-1.xml", "volgnummer=\"1004\"", "volgnummer=\"10x4\"");

        String reason = rejectionOf(page);

        assertThat(reason).contains("attribute volgnummer").doesNotContain("10x4");
    }

    @Test
    void refusesADoctypeWithAnExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET-7f3a");
        String page = Samples.text("page-1.xml")
                .replace(PAGE_HEAD, PAGE_HEAD + "<!DOCTYPE MutatieBatch [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n")
                .replace("Wacht op plek in speciaal onderwijs.", "&xxe;");

        String reason = rejectionOf(page.getBytes(StandardCharsets.UTF_8));

        assertThat(reason).contains("DOCTYPE").doesNotContain("TOPSECRET");
    }

    @Test
    void refusesADoctypePointingAtEtcPasswd() {
        String page = Samples.text("page-1.xml")
                .replace(PAGE_HEAD, PAGE_HEAD + "<!DOCTYPE MutatieBatch [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n")
                .replace("Wacht op plek in speciaal onderwijs.", "&xxe;");

        String reason = rejectionOf(page.getBytes(StandardCharsets.UTF_8));

        assertThat(reason).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE MutatieBatch [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n");
        String page = Samples.text("page-1.xml")
                .replace(PAGE_HEAD, PAGE_HEAD + dtd)
                .replace("Wacht op plek in speciaal onderwijs.", "&lol9;");

        String reason = rejectionOf(page.getBytes(StandardCharsets.UTF_8));

        assertThat(reason).contains("DOCTYPE");
    }

    @Test
    void refusesAnUndeclaredEntityReference() {
        byte[] page = Samples.edited("page-1.xml", "Wacht op plek in speciaal onderwijs.", "&xxe;");

        assertThat(rejectionOf(page)).contains("xxe");
    }

    @Test
    void refusesMalformedXmlNamingTheLine() {
        String text = Samples.text("page-1.xml");
        byte[] truncated = text.substring(0, text.indexOf("</Leerling>")).getBytes(StandardCharsets.UTF_8);

        assertThat(rejectionOf(truncated)).contains("line ").contains("not well-formed");
    }

    @Test
    void refusesMarkupAfterTheDocumentElement() {
        byte[] page = (Samples.text("empty.xml") + "<MutatieBatch/>").getBytes(StandardCharsets.UTF_8);

        assertThat(rejectionOf(page)).contains("not well-formed");
    }

    @Test
    void refusesAnEmptyBody() {
        assertThat(rejectionOf(new byte[0])).contains("empty");
    }

    @Test
    void refusesADocumentThatIsNotAMutatieBatch() {
        byte[] other = (PAGE_HEAD + "<Pagina xmlns=\"urn:nl:verzuimregister:uitwisseling:v1\"/>").getBytes(StandardCharsets.UTF_8);

        assertThat(rejectionOf(other)).contains("cvc-elt.1.a").contains("Pagina");
    }

    private String rejectionOf(byte[] page) {
        PageRejectedException rejected = catchThrowableOfType(PageRejectedException.class, () -> parser.parse(page));
        assertThat(rejected).as("the page is refused").isNotNull();
        for (String value : Samples.PERSONAL_VALUES) {
            assertThat(rejected.reason()).doesNotContain(value);
        }
        return rejected.reason();
    }
}
