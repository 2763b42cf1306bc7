package nl.verzuimhub.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.disclosure.RecordFields;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.ClosingReason;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.Pupil;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.Reporter;
import nl.verzuimhub.core.record.SickReport;
import nl.verzuimhub.server.distribution.ViewJson;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What ingest stores (the payload JSON) reads back as the same record, for every kind and optional part. */
class StoredRecordReaderTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final OffsetDateTime CHANGED = OffsetDateTime.parse("2024-10-01T09:12:00+02:00");

    @Test
    void everyKindRoundTripsThroughTheStoredPayload() {
        Pupil bsn = new Pupil(PupilIdentifier.bsn("111222333"), LocalDate.parse("2011-03-14"), "0363", "1012AB");
        Pupil onderwijsnummer = new Pupil(PupilIdentifier.onderwijsnummer("101222331"), LocalDate.parse("2010-05-30"),
                "0599", null);
        Enrolment school = new Enrolment("12AB", "00", "VO", "VO2701", 2);
        Enrolment sparse = new Enrolment("56EF", null, "SO", "PO2701", null);
        Period open = new Period(LocalDate.parse("2024-08-01"), null);
        Period closed = new Period(LocalDate.parse("2024-09-03"), LocalDate.parse("2024-09-27"));
        List<RegisterRecord> records = List.of(
                new AbsenceReport("VM-1", 2, bsn, school, AbsenceType.V3, closed, new BigDecimal("17.5"), 6, false,
                        "reason", "action", true, new Reporter("J. Tester", "Mentor", "020", "a@example.org"),
                        ReportStatus.AFGESLOTEN, ClosingReason.TERUG_NAAR_SCHOOL, LocalDate.parse("2024-10-01"), CHANGED),
                new AbsenceReport("VM-2", 1, onderwijsnummer, sparse, AbsenceType.LRV, open, null, null, true, null,
                        null, false, new Reporter("A. Tester", null, null, null), ReportStatus.GEREGISTREERD, null,
                        LocalDate.parse("2024-10-01"), CHANGED),
                new Exemption("VR-1", 1, bsn, sparse, ExemptionArticle.ART_5A, closed, true, "grounds",
                        ExemptionStatus.ACTIEF, CHANGED),
                new Exemption("VR-2", 3, onderwijsnummer, null, ExemptionArticle.ART_15, open, false, null,
                        ExemptionStatus.BEEINDIGD, CHANGED),
                new SickReport("ZM-1", 1, bsn, school, closed, CHANGED),
                new AbsoluteAbsence("AV-1", 1, onderwijsnummer, null, open, ReportStatus.IN_BEHANDELING, CHANGED),
                new AbsoluteAbsence("AV-2", 1, bsn, school, open, ReportStatus.GEREGISTREERD, CHANGED));
        for (RegisterRecord record : records) {
            String payload = JSON.writeValueAsString(ViewJson.toMap(RecordFields.of(record)));
            Map<String, Object> fields = JSON.readValue(payload, new TypeReference<Map<String, Object>>() {
            });
            RegisterRecord read = StoredRecordReader.read(record.kind(), record.id(), record.version(), fields);
            assertThat(RecordFields.of(read)).as(record.toString()).isEqualTo(RecordFields.of(record));
            assertThat(read.version()).isEqualTo(record.version());
        }
    }
}
