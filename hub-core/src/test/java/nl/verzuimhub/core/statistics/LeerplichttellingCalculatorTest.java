package nl.verzuimhub.core.statistics;

import static nl.verzuimhub.core.testdata.TestRecords.absolute;
import static nl.verzuimhub.core.testdata.TestRecords.date;
import static nl.verzuimhub.core.testdata.TestRecords.exemption;
import static nl.verzuimhub.core.testdata.TestRecords.lrv;
import static nl.verzuimhub.core.testdata.TestRecords.pupil;
import static nl.verzuimhub.core.testdata.TestRecords.report;
import static nl.verzuimhub.core.testdata.TestRecords.v3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.verzuimhub.core.calendar.SchoolYear;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.rules.EpisodeKind;
import nl.verzuimhub.core.rules.ThuiszitterDefinition;
import org.junit.jupiter.api.Test;

class LeerplichttellingCalculatorTest {
    private static final SchoolYear YEAR = SchoolYear.parse("2024-2025");

    private static List<RegisterRecord> records() {
        return List.of(
                // absolute absence: from the previous year into this one (over 3 months at the year's end),
                // short in this year, and one that ended before 1 August (not in this year)
                absolute("AV-1", pupil(0), "2024-05-01", "2024-10-15"),
                absolute("AV-2", pupil(1), "2024-11-04", "2024-12-20"),
                absolute("AV-3", pupil(2), "2024-03-01", "2024-07-31"),
                // LRV: open since March 2025 (4 months on 31 July), closed after 2 months, a second episode of
                // pupil 3, and one that starts after the year
                lrv("VM-1", pupil(3), "2025-03-03", null),
                lrv("VM-2", pupil(4), "2024-09-02", "2024-10-31"),
                lrv("VM-3", pupil(3), "2024-09-02", "2024-09-30"),
                lrv("VM-4", pupil(5), "2025-08-18", null),
                // V3 reports: filed in the year (pupils 4 and 6), withdrawn (pupil 7)
                v3("VM-5", pupil(6), "2024-09-03", "2024-09-27", "17"),
                v3("VM-6", pupil(4), "2025-01-06", "2025-01-31", "18"),
                report("VM-7", pupil(7), AbsenceType.V3, "2024-09-03", "2024-09-27", "17", ReportStatus.INGETROKKEN),
                // exemptions: two 5a, one 5b from before, one 5c ended before the year, one withdrawn 3a
                exemption("VR-1", pupil(8), ExemptionArticle.ART_5A, "2024-10-01", "2025-07-31", ExemptionStatus.ACTIEF),
                exemption("VR-2", pupil(9), ExemptionArticle.ART_5A, "2023-08-01", null, ExemptionStatus.ACTIEF),
                exemption("VR-3", pupil(10), ExemptionArticle.ART_5B, "2022-08-01", "2024-08-01",
                        ExemptionStatus.BEEINDIGD),
                exemption("VR-4", pupil(11), ExemptionArticle.ART_5C, "2022-08-01", "2024-07-31",
                        ExemptionStatus.BEEINDIGD),
                exemption("VR-5", pupil(12), ExemptionArticle.ART_3A, "2024-09-01", null, ExemptionStatus.INGETROKKEN));
    }

    @Test
    void aFinishedYearIsCountedUpToThirtyFirstJuly() {
        Indicators indicators = new LeerplichttellingCalculator().calculate(records(), YEAR, date("2025-11-01"));

        assertThat(indicators.measuredUntil()).isEqualTo(YEAR.lastDay());
        assertThat(indicators.absoluteAbsence()).isEqualTo(2);
        assertThat(indicators.absoluteAbsenceOverThreeMonths()).isEqualTo(1);
        assertThat(indicators.lrv()).isEqualTo(2);
        assertThat(indicators.lrvOverThreeMonths()).isEqualTo(1);
        assertThat(indicators.exemptions()).containsEntry(ExemptionArticle.ART_5A, 2L)
                .containsEntry(ExemptionArticle.ART_5B, 1L).containsEntry(ExemptionArticle.ART_5C, 0L)
                .containsEntry(ExemptionArticle.ART_3A, 0L).hasSize(ExemptionArticle.values().length);
        // every report of the year counts (LRV and V3), the withdrawn one not, the one after the year not
        assertThat(indicators.pupilsWithReport()).isEqualTo(3);
        assertThat(indicators.thuiszitters()).isEqualTo(2);
        assertThat(indicators.doorloopsnelheid().closed().get(EpisodeKind.LRV).count()).isEqualTo(2);
        assertThat(indicators.doorloopsnelheid().closed().get(EpisodeKind.ABSOLUTE_ABSENCE).count()).isEqualTo(2);
        assertThat(indicators.doorloopsnelheid().open().get(EpisodeKind.LRV).count()).isEqualTo(1);
        assertThat(indicators.cells()).containsEntry("exemption.5a", 2L).containsEntry("lrv", 2L).hasSize(12);
    }

    @Test
    void aRunningYearIsCountedUpToTheReferenceDate() {
        Indicators indicators = new LeerplichttellingCalculator().calculate(records(), YEAR, date("2024-12-01"));

        assertThat(indicators.measuredUntil()).isEqualTo("2024-12-01");
        assertThat(indicators.absoluteAbsence()).isEqualTo(2);
        assertThat(indicators.lrv()).isEqualTo(2);
        assertThat(indicators.lrvOverThreeMonths()).isZero();
        // filed by 1 December: VM-2, VM-3 and VM-5 (pupils 4, 3 and 6); VM-1 and VM-6 come later
        assertThat(indicators.pupilsWithReport()).isEqualTo(3);
        assertThat(indicators.lrv()).isEqualTo(2);
        assertThat(indicators.doorloopsnelheid().open().get(EpisodeKind.ABSOLUTE_ABSENCE).count()).isEqualTo(1);
    }

    @Test
    void theThuiszitterDefinitionIsTheCallersChoice() {
        Indicators regional = new LeerplichttellingCalculator(ThuiszitterDefinition.FOUR_WEEKS_OR_MORE)
                .calculate(records(), YEAR, date("2025-07-31"));

        // 4 weeks or more: pupils 0, 1, 3 (both episodes), 4
        assertThat(regional.thuiszitters()).isEqualTo(4);
    }

    @Test
    void groupsSelectByResidenceOrByTheSchoolsPartnership() {
        var elsewhere = absolute("AV-9", pupil(20, "0599"), "2024-09-02", null);
        List<RegisterRecord> all = new java.util.ArrayList<>(records());
        all.add(elsewhere);

        List<RegisterRecord> amsterdam = all.stream().filter(RecordGroups.municipality("0363")).toList();
        assertThat(amsterdam).hasSize(records().size());
        assertThat(all.stream().filter(RecordGroups.partnership("VO2701")).count()).isEqualTo(all.size());
        assertThat(all.stream().filter(RecordGroups.partnership("PO2701")).count()).isZero();
    }

    @Test
    void aYearThatHasNotStartedIsRefused() {
        assertThatThrownBy(() -> new LeerplichttellingCalculator().calculate(records(), YEAR, date("2024-07-31")))
                .hasMessage("school year 2024-2025 has not started on 2024-07-31");
    }
}
