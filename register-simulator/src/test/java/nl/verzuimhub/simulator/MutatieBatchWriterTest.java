package nl.verzuimhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.ClosingReason;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.Pupil;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.Reporter;
import nl.verzuimhub.core.record.SickReport;
import org.junit.jupiter.api.Test;

/** The writer against the register interface's own sample pages (copied from ../register-interface/samples). */
class MutatieBatchWriterTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static final Pupil PUPIL_101 = new Pupil(PupilIdentifier.bsn("725763863"), LocalDate.of(2011, 3, 14),
            "0363", "1012AB");
    private static final Enrolment SCHOOL_101 = new Enrolment("12AB", "00", "VO", "VO2701", 2);
    private static final Pupil PUPIL_301 = new Pupil(PupilIdentifier.bsn("691682483"), LocalDate.of(2015, 1, 9),
            "0363", null);
    private static final Enrolment SCHOOL_301 = new Enrolment("78GH", null, "PO", "PO2701", null);
    private static final Period PERIOD_301 = new Period(LocalDate.of(2024, 9, 23), LocalDate.of(2024, 10, 2));

    @Test
    void writesTheRegisterSamplePageWithAllFourKinds() {
        AbsenceReport report101 = report101(1, at("2024-10-01T09:12:00"),
                new Reporter("J. de Vries", "Verzuimcoordinator", "020-5550101", "verzuim@school.example"),
                ReportStatus.GEREGISTREERD, null);
        AbsenceReport report102 = new AbsenceReport("VM-2024-000102", 1,
                new Pupil(PupilIdentifier.bsn("162275869"), LocalDate.of(2014, 7, 2), "0599", null),
                new Enrolment("34CD", "01", "PO", "PO2801", 6), AbsenceType.LRV,
                new Period(LocalDate.of(2024, 9, 2), null), null, 20, true,
                "Wacht op plek in speciaal onderwijs.", null, true,
                new Reporter("A. Bakker", "Intern begeleider", null, null), ReportStatus.GEREGISTREERD, null,
                LocalDate.of(2024, 10, 1), at("2024-10-01T10:40:00"));
        Exemption exemption201 = new Exemption("VR-2024-000201", 1,
                new Pupil(PupilIdentifier.bsn("192285142"), LocalDate.of(2012, 11, 20), "0363", null),
                new Enrolment("56EF", null, "SO", "PO2701", null), ExemptionArticle.ART_5A,
                new Period(LocalDate.of(2024, 10, 1), LocalDate.of(2025, 7, 31)), true,
                "Verklaring GGD-arts: ernstige psychische klachten, niet in staat tot schoolbezoek.",
                ExemptionStatus.ACTIEF, at("2024-10-02T14:05:00"));
        SickReport sick301 = new SickReport("ZM-2024-000301", 1, PUPIL_301, SCHOOL_301, PERIOD_301,
                at("2024-10-03T08:30:00"));
        AbsoluteAbsence signal401 = new AbsoluteAbsence("AV-2024-000401", 1,
                new Pupil(PupilIdentifier.onderwijsnummer("101222331"), LocalDate.of(2010, 5, 30), "0599", null),
                null, new Period(LocalDate.of(2024, 8, 1), null), ReportStatus.GEREGISTREERD,
                at("2024-10-04T07:00:00"));
        List<Mutation> mutations = List.of(
                new Mutation(1001, MutationAction.NIEUW, report101.lastChanged(), report101),
                new Mutation(1002, MutationAction.NIEUW, report102.lastChanged(), report102),
                new Mutation(1003, MutationAction.NIEUW, exemption201.lastChanged(), exemption201),
                new Mutation(1004, MutationAction.NIEUW, sick301.lastChanged(), sick301),
                new Mutation(1006, MutationAction.NIEUW, signal401.lastChanged(), signal401));

        byte[] written = writer("2024-10-07T06:00:00Z").write(mutations, 1007, true);

        RegisterXml.validate(written);
        assertThat(RegisterXml.flatten(written)).containsExactlyElementsOf(RegisterXml.flatten(sample("page-1.xml")));
    }

    @Test
    void writesTheRegisterSamplePageWithAClosedReportAndAWithdrawal() {
        List<Mutation> mutations = List.of(
                new Mutation(1007, MutationAction.GEWIJZIGD, at("2024-10-05T11:00:00"), report101(2,
                        at("2024-10-05T11:00:00"), new Reporter("J. de Vries", "Verzuimcoordinator", null, null),
                        ReportStatus.AFGESLOTEN, ClosingReason.TERUG_NAAR_SCHOOL)),
                new Mutation(1008, MutationAction.INGETROKKEN, at("2024-10-05T12:00:00"), new SickReport(
                        "ZM-2024-000301", 2, PUPIL_301, SCHOOL_301, PERIOD_301, at("2024-10-05T12:00:00"))));

        byte[] written = writer("2024-10-07T06:00:01Z").write(mutations, 1009, false);

        RegisterXml.validate(written);
        assertThat(RegisterXml.flatten(written)).containsExactlyElementsOf(RegisterXml.flatten(sample("page-2.xml")));
    }

    @Test
    void writesTheRegisterSampleEmptyPage() {
        byte[] written = writer("2024-10-07T06:05:00Z").write(List.of(), 1009, false);

        RegisterXml.validate(written);
        assertThat(RegisterXml.flatten(written)).containsExactlyElementsOf(RegisterXml.flatten(sample("empty.xml")));
    }

    @Test
    void writesUtf8WithAnXmlDeclarationAndEscapesMarkupInFreeText() {
        Mutation mutation = new Mutation(5, MutationAction.NIEUW, at("2025-01-15T10:00:00"), new AbsenceReport("VM-1",
                1, PUPIL_101, SCHOOL_101, AbsenceType.O, new Period(LocalDate.of(2025, 1, 6), null),
                null, null, false, "Zegt: \"school < thuis\" & meer", null, false,
                new Reporter("B. Öztürk", "Verzuimcoördinator", null, null), ReportStatus.GEREGISTREERD, null,
                LocalDate.of(2025, 1, 15), at("2025-01-15T10:00:00")));

        byte[] written = writer("2025-01-15T12:00:00Z").write(List.of(mutation), 6, false);

        String text = new String(written, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<Functie>Verzuimcoördinator</Functie>")
                .contains("school &lt; thuis\" &amp; meer")
                .contains("tijdstip=\"2025-01-15T10:00:00+01:00\"")
                .doesNotContain("<Verzuimuren>", "<Verzuimdagen>", "<Einddatum>", "<RedenAfsluiting>");
        RegisterXml.validate(written);
    }

    @Test
    void writesHoursWithAtMostTwoFractionDigitsAndNoExponent() {
        assertThat(MutatieBatchWriter.hours(new BigDecimal("17.00"))).isEqualTo("17");
        assertThat(MutatieBatchWriter.hours(new BigDecimal("16.50"))).isEqualTo("16.5");
        assertThat(MutatieBatchWriter.hours(new BigDecimal("3.333"))).isEqualTo("3.33");
        assertThat(MutatieBatchWriter.hours(new BigDecimal("3.335"))).isEqualTo("3.34");
        assertThat(MutatieBatchWriter.hours(new BigDecimal("1E+1"))).isEqualTo("10");
        assertThat(MutatieBatchWriter.hours(BigDecimal.ZERO)).isEqualTo("0");
        assertThatThrownBy(() -> MutatieBatchWriter.hours(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MutatieBatchWriter.hours(new BigDecimal("10000.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesDateTimesWithSecondsAndANumericOffset() {
        assertThat(MutatieBatchWriter.dateTime(at("2024-10-01T09:12:00"))).isEqualTo("2024-10-01T09:12:00+02:00");
        assertThat(MutatieBatchWriter.dateTime(at("2024-12-01T09:12:05"))).isEqualTo("2024-12-01T09:12:05+01:00");
        assertThat(MutatieBatchWriter.dateTime(OffsetDateTime.of(2025, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2025-01-02T03:04:00+00:00");
        assertThat(MutatieBatchWriter.dateTime(OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 120_000_000, ZoneOffset.UTC)))
                .isEqualTo("2025-01-02T03:04:05.12+00:00");
    }

    private static AbsenceReport report101(int version, OffsetDateTime changed, Reporter reporter, ReportStatus status,
                                           ClosingReason reason) {
        return new AbsenceReport("VM-2024-000101", version, PUPIL_101, SCHOOL_101, AbsenceType.V3,
                new Period(LocalDate.of(2024, 9, 3), LocalDate.of(2024, 9, 27)), new BigDecimal("17.00"), 6, false,
                "Klaagt over buikpijn en angst voor gymles; moeder onder behandeling.",
                "Gesprek mentor met ouders op 25-09.", true, reporter, status, reason, LocalDate.of(2024, 10, 1),
                changed);
    }

    private static OffsetDateTime at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toOffsetDateTime();
    }

    private static MutatieBatchWriter writer(String instant) {
        return new MutatieBatchWriter(Clock.fixed(Instant.parse(instant), AMSTERDAM));
    }

    private static byte[] sample(String name) {
        try (InputStream in = MutatieBatchWriterTest.class.getResourceAsStream("/register-samples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
