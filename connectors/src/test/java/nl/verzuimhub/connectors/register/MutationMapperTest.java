package nl.verzuimhub.connectors.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.Reporter;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.SickReport;
import org.junit.jupiter.api.Test;

class MutationMapperTest {
    private final RegisterPageParser parser = new RegisterPageParser();
    private final MutationMapper mapper = new MutationMapper();

    @Test
    void mapsEveryMutationOfPageOneInFeedOrder() throws Exception {
        List<Mutation> mutations = map(Samples.bytes("page-1.xml"));

        assertThat(mutations).extracting(Mutation::sequence).containsExactly(1001L, 1002L, 1003L, 1004L, 1006L);
        assertThat(mutations).extracting(m -> m.record().kind()).containsExactly(RecordKind.VERZUIMMELDING,
                RecordKind.VERZUIMMELDING, RecordKind.VRIJSTELLING, RecordKind.ZIEKMELDING, RecordKind.ABSOLUUT_VERZUIM);
    }

    @Test
    void mapsAnAbsenceReportFieldByField() throws Exception {
        Mutation mutation = map(Samples.bytes("page-1.xml")).get(0);

        assertThat(mutation.sequence()).isEqualTo(1001L);
        assertThat(mutation.action()).isEqualTo(MutationAction.NIEUW);
        assertThat(mutation.occurredAt()).isEqualTo(OffsetDateTime.parse("2024-10-01T09:12:00+02:00"));
        AbsenceReport report = (AbsenceReport) mutation.record();
        assertThat(report.id()).isEqualTo("VM-2024-000101");
        assertThat(report.version()).isEqualTo(1);
        assertThat(report.pupil()).isEqualTo(new Pupil(PupilIdentifier.bsn("725763863"), LocalDate.of(2011, 3, 14), "0363", "1012AB"));
        assertThat(report.enrolment()).isEqualTo(new Enrolment("12AB", "00", "VO", "VO2701", 2));
        assertThat(report.absenceType()).isEqualTo(AbsenceType.V3);
        assertThat(report.period()).isEqualTo(new Period(LocalDate.of(2024, 9, 3), LocalDate.of(2024, 9, 27)));
        assertThat(report.hours()).isEqualByComparingTo(new BigDecimal("17"));
        assertThat(report.days()).isEqualTo(6);
        assertThat(report.allLessonsMissed()).isFalse();
        assertThat(report.suspectedReason()).isEqualTo("Klaagt over buikpijn en angst voor gymles; moeder onder behandeling.");
        assertThat(report.schoolAction()).isEqualTo("Gesprek mentor met ouders op 25-09.");
        assertThat(report.municipalActionRequested()).isTrue();
        assertThat(report.reporter()).isEqualTo(new Reporter("J. de Vries", "Verzuimcoordinator", "020-5550101", "verzuim@school.example"));
        assertThat(report.status()).isEqualTo(ReportStatus.GEREGISTREERD);
        assertThat(report.closingReason()).isNull();
        assertThat(report.reportedOn()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(report.lastChanged()).isEqualTo(OffsetDateTime.parse("2024-10-01T09:12:00+02:00"));
    }

    @Test
    void keepsTheRegistersUtcOffset() throws Exception {
        Mutation mutation = map(Samples.bytes("page-1.xml")).get(0);

        assertThat(mutation.occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(mutation.record().lastChanged().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void leavesAbsentOptionalFieldsEmpty() throws Exception {
        AbsenceReport report = (AbsenceReport) map(Samples.bytes("page-1.xml")).get(1).record();

        assertThat(report.id()).isEqualTo("VM-2024-000102");
        assertThat(report.absenceType()).isEqualTo(AbsenceType.LRV);
        assertThat(report.pupil().postcode()).isNull();
        assertThat(report.period()).isEqualTo(new Period(LocalDate.of(2024, 9, 2), null));
        assertThat(report.hours()).isNull();
        assertThat(report.days()).isEqualTo(20);
        assertThat(report.schoolAction()).isNull();
        assertThat(report.reporter()).isEqualTo(new Reporter("A. Bakker", "Intern begeleider", null, null));
    }

    @Test
    void mapsAnExemptionWithItsArticleAndLastSchool() throws Exception {
        Exemption exemption = (Exemption) map(Samples.bytes("page-1.xml")).get(2).record();

        assertThat(exemption.id()).isEqualTo("VR-2024-000201");
        assertThat(exemption.version()).isEqualTo(1);
        assertThat(exemption.pupil().identifier()).isEqualTo(PupilIdentifier.bsn("192285142"));
        assertThat(exemption.lastEnrolment()).isEqualTo(new Enrolment("56EF", null, "SO", "PO2701", null));
        assertThat(exemption.article()).isEqualTo(ExemptionArticle.ART_5A);
        assertThat(exemption.period()).isEqualTo(new Period(LocalDate.of(2024, 10, 1), LocalDate.of(2025, 7, 31)));
        assertThat(exemption.previouslyExempt()).isTrue();
        assertThat(exemption.grounds()).startsWith("Verklaring GGD-arts");
        assertThat(exemption.status()).isEqualTo(ExemptionStatus.ACTIEF);
        assertThat(exemption.lastChanged()).isEqualTo(OffsetDateTime.parse("2024-10-02T14:05:00+02:00"));
    }

    @Test
    void mapsASickReport() throws Exception {
        SickReport sick = (SickReport) map(Samples.bytes("page-1.xml")).get(3).record();

        assertThat(sick.id()).isEqualTo("ZM-2024-000301");
        assertThat(sick.version()).isEqualTo(1);
        assertThat(sick.enrolment()).isEqualTo(new Enrolment("78GH", null, "PO", "PO2701", null));
        assertThat(sick.period()).isEqualTo(new Period(LocalDate.of(2024, 9, 23), LocalDate.of(2024, 10, 2)));
    }

    @Test
    void mapsAnAbsoluteAbsenceOfAPupilKnownByOnderwijsnummer() throws Exception {
        Mutation mutation = map(Samples.bytes("page-1.xml")).get(4);
        AbsoluteAbsence absence = (AbsoluteAbsence) mutation.record();

        assertThat(mutation.sequence()).isEqualTo(1006L);
        assertThat(absence.id()).isEqualTo("AV-2024-000401");
        assertThat(absence.pupil().identifier()).isEqualTo(PupilIdentifier.onderwijsnummer("101222331"));
        assertThat(absence.pupil().identifier().type()).isEqualTo(PupilIdentifier.Type.ONDERWIJSNUMMER);
        assertThat(absence.pupil().birthDate()).isEqualTo(LocalDate.of(2010, 5, 30));
        assertThat(absence.pupil().municipality()).isEqualTo("0599");
        assertThat(absence.lastEnrolment()).isNull();
        assertThat(absence.period()).isEqualTo(new Period(LocalDate.of(2024, 8, 1), null));
        assertThat(absence.status()).isEqualTo(ReportStatus.GEREGISTREERD);
    }

    @Test
    void mapsAWithdrawnSickReportWithItsNewVersion() throws Exception {
        Mutation withdrawal = map(Samples.bytes("page-2.xml")).get(1);

        assertThat(withdrawal.sequence()).isEqualTo(1008L);
        assertThat(withdrawal.action()).isEqualTo(MutationAction.INGETROKKEN);
        assertThat(withdrawal.occurredAt()).isEqualTo(OffsetDateTime.parse("2024-10-05T12:00:00+02:00"));
        assertThat(withdrawal.record()).isInstanceOf(SickReport.class);
        assertThat(withdrawal.record().id()).isEqualTo("ZM-2024-000301");
        assertThat(withdrawal.record().version()).isEqualTo(2);
    }

    @Test
    void mapsAClosedAbsenceReportWithItsClosingReason() throws Exception {
        Mutation change = map(Samples.bytes("page-2.xml")).get(0);
        AbsenceReport report = (AbsenceReport) change.record();

        assertThat(change.action()).isEqualTo(MutationAction.GEWIJZIGD);
        assertThat(report.version()).isEqualTo(2);
        assertThat(report.status()).isEqualTo(ReportStatus.AFGESLOTEN);
        assertThat(report.closingReason()).isEqualTo(ClosingReason.TERUG_NAAR_SCHOOL);
        assertThat(report.reporter()).isEqualTo(new Reporter("J. de Vries", "Verzuimcoordinator", null, null));
    }

    @Test
    void mapsAnEmptyPageToNoMutations() throws Exception {
        assertThat(map(Samples.bytes("empty.xml"))).isEmpty();
    }

    @Test
    void readsATimestampWithoutOffsetAsAmsterdamTime() throws Exception {
        byte[] summer = Samples.edited("page-1.xml", "tijdstip=\"2024-10-01T09:12:00+02:00\"", "tijdstip=\"2024-10-01T09:12:00\"");
        byte[] winter = Samples.edited("page-1.xml", "tijdstip=\"2024-10-01T09:12:00+02:00\"", "tijdstip=\"2024-01-10T09:12:00\"");

        assertThat(map(summer).get(0).occurredAt()).isEqualTo(OffsetDateTime.parse("2024-10-01T09:12:00+02:00"));
        assertThat(map(winter).get(0).occurredAt()).isEqualTo(OffsetDateTime.parse("2024-01-10T09:12:00+01:00"));
    }

    @Test
    void keepsAnOffsetOtherThanTheRegistersOwn() throws Exception {
        byte[] utc = Samples.edited("page-1.xml", "tijdstip=\"2024-10-01T09:12:00+02:00\"", "tijdstip=\"2024-10-01T07:12:00.5Z\"");

        OffsetDateTime occurredAt = map(utc).get(0).occurredAt();

        assertThat(occurredAt).isEqualTo(OffsetDateTime.parse("2024-10-01T07:12:00.5Z"));
        assertThat(occurredAt.getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void refusesAVersionThatDoesNotFitAnInt() throws Exception {
        byte[] page = Samples.edited("page-2.xml", "<Versie>2</Versie>\n      <Leerling>\n        <Bsn>691682483",
                "<Versie>2147483648</Versie>\n      <Leerling>\n        <Bsn>691682483");

        PageRejectedException rejected = catchThrowableOfType(PageRejectedException.class, () -> map(page));

        assertThat(rejected).isNotNull();
        assertThat(rejected.reason()).contains("volgnummer 1008").contains("Versie").doesNotContain("691682483");
    }

    @Test
    void acceptsTheLargestVersionThatFitsAnInt() throws Exception {
        byte[] page = Samples.edited("page-2.xml", "<Versie>2</Versie>\n      <Leerling>\n        <Bsn>691682483",
                "<Versie>2147483647</Versie>\n      <Leerling>\n        <Bsn>691682483");

        assertThat(map(page).get(1).record().version()).isEqualTo(Integer.MAX_VALUE);
    }

    private List<Mutation> map(byte[] page) throws PageRejectedException {
        return mapper.mapAll(parser.parse(page).getMutatie());
    }
}
