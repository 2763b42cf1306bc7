package nl.verzuimhub.core.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.Pupil;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.Reporter;
import nl.verzuimhub.core.record.SickReport;
import org.junit.jupiter.api.Test;

class RecordFieldsTest {
    static final OffsetDateTime CHANGED = OffsetDateTime.parse("2024-10-01T09:12:00+02:00");

    @Test
    void anAbsenceReportYieldsEveryPresentFieldUnderItsFeedName() {
        AbsenceReport report = new AbsenceReport("VM-1", 1,
                new Pupil(PupilIdentifier.bsn("111222333"), LocalDate.parse("2011-03-14"), "0363", "1012AB"),
                new Enrolment("12AB", "00", "VO", "VO2701", 2), AbsenceType.V3,
                new Period(LocalDate.parse("2024-09-03"), LocalDate.parse("2024-09-27")), new BigDecimal("17"), 6,
                false, "reason", "action", true, new Reporter("J. Tester", "Mentor", null, null),
                ReportStatus.GEREGISTREERD, null, LocalDate.parse("2024-10-01"), CHANGED);
        RecordView view = RecordFields.of(report);
        assertThat(view.values()).containsEntry(DataField.BSN, "111222333")
                .containsEntry(DataField.BIRTH_DATE, "2011-03-14")
                .containsEntry(DataField.HOURS, new BigDecimal("17"))
                .containsEntry(DataField.REPORTER, Map.of("name", "J. Tester", "role", "Mentor"))
                .containsEntry(DataField.LAST_CHANGED, "2024-10-01T09:12:00+02:00")
                .doesNotContainKeys(DataField.CLOSING_REASON, DataField.PSEUDONYM, DataField.GROUNDS);
        assertThat(view.toString()).doesNotContain("111222333");
    }

    @Test
    void aSickReportWithOnderwijsnummerAndNoBranchHasOnlyWhatIsThere() {
        SickReport sick = new SickReport("ZM-1", 2,
                new Pupil(PupilIdentifier.onderwijsnummer("101222331"), LocalDate.parse("2015-01-09"), "0363", null),
                new Enrolment("78GH", null, "PO", "PO2701", null),
                new Period(LocalDate.parse("2024-09-23"), null), CHANGED);
        assertThat(RecordFields.of(sick).fields()).containsExactly(DataField.ONDERWIJSNUMMER, DataField.BIRTH_DATE,
                DataField.MUNICIPALITY, DataField.BRIN, DataField.SECTOR, DataField.PARTNERSHIP,
                DataField.PERIOD_START, DataField.LAST_CHANGED);
    }
}
