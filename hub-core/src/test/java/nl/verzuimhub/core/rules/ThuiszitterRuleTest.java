package nl.verzuimhub.core.rules;

import static nl.verzuimhub.core.testdata.TestRecords.absolute;
import static nl.verzuimhub.core.testdata.TestRecords.date;
import static nl.verzuimhub.core.testdata.TestRecords.lrv;
import static nl.verzuimhub.core.testdata.TestRecords.pupil;
import static nl.verzuimhub.core.testdata.TestRecords.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.ReportStatus;
import org.junit.jupiter.api.Test;

class ThuiszitterRuleTest {
    private static final ThuiszitterRule NATIONAL = new ThuiszitterRule(ThuiszitterDefinition.MORE_THAN_THREE_MONTHS);
    private static final ThuiszitterRule REGIONAL = new ThuiszitterRule(ThuiszitterDefinition.FOUR_WEEKS_OR_MORE);

    @Test
    void openAbsoluteAbsenceBecomesAThuiszitterOnceItLastsMoreThanThreeMonths() {
        var absence = List.of(absolute("AV-1", pupil(0), "2024-09-01", null));

        assertThat(NATIONAL.evaluate(absence, date("2024-11-30"))).isEmpty();
        List<Thuiszitter> cases = NATIONAL.evaluate(absence, date("2024-12-01"));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.open()).isTrue();
            assertThat(c.start()).isEqualTo("2024-09-01");
            assertThat(c.end()).isNull();
            assertThat(c.durationDays()).isEqualTo(92);
            assertThat(c.episode().kind()).isEqualTo(EpisodeKind.ABSOLUTE_ABSENCE);
        });
    }

    @Test
    void aClosedLrvEpisodeStaysACaseWithItsEndAndDuration() {
        var records = List.of(lrv("VM-1", pupil(0), "2024-09-02", "2024-12-02"),
                lrv("VM-2", pupil(1), "2024-09-02", "2024-12-01"));

        List<Thuiszitter> cases = NATIONAL.evaluate(records, date("2025-03-01"));

        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.episode().recordId()).isEqualTo("VM-1");
            assertThat(c.open()).isFalse();
            assertThat(c.end()).isEqualTo("2024-12-02");
            assertThat(c.durationDays()).isEqualTo(92);
        });
    }

    @Test
    void theRegionalVariantCountsFourWeeksOrMore() {
        var records = List.of(lrv("VM-1", pupil(0), "2024-09-02", "2024-09-29"),
                lrv("VM-2", pupil(1), "2024-09-02", "2024-09-28"));

        assertThat(REGIONAL.evaluate(records, date("2024-10-31"))).extracting(c -> c.episode().recordId())
                .containsExactly("VM-1");
        assertThat(NATIONAL.evaluate(records, date("2024-10-31"))).isEmpty();
    }

    @Test
    void withdrawnReportsOtherTypesAndLaterVersionsAreRespected() {
        var withdrawn = report("VM-1", pupil(0), AbsenceType.LRV, "2024-01-08", null, null, ReportStatus.INGETROKKEN);
        var v3 = report("VM-2", pupil(1), AbsenceType.V3, "2024-01-08", "2024-09-02", "40", ReportStatus.AFGESLOTEN);
        var first = lrv("VM-3", pupil(2), "2024-01-08", null);
        var closedLater = new nl.verzuimhub.core.record.AbsenceReport(first.id(), 2, first.pupil(), first.enrolment(),
                first.absenceType(), new nl.verzuimhub.core.record.Period(date("2024-01-08"), date("2024-02-01")),
                null, null, false, null, null, false, first.reporter(), ReportStatus.AFGESLOTEN, null,
                first.reportedOn(), first.lastChanged());

        assertThat(NATIONAL.evaluate(List.of(withdrawn, v3, closedLater, first), date("2024-10-01"))).isEmpty();
        assertThat(NATIONAL.evaluate(List.of(first), date("2024-10-01"))).hasSize(1);
    }

    @Test
    void aPupilWithTwoCasesCountsOnce() {
        var cases = NATIONAL.evaluate(List.of(lrv("VM-1", pupil(0), "2024-01-08", "2024-06-01"),
                absolute("AV-1", pupil(0), "2024-08-01", null), absolute("AV-2", pupil(1), "2024-05-01", null)),
                date("2024-12-01"));

        assertThat(cases).hasSize(3);
        assertThat(ThuiszitterRule.pupils(cases)).isEqualTo(2);
    }

    @Test
    void definitionsAreConfiguredByName() {
        assertThat(ThuiszitterDefinition.named("4-weeks-or-more")).isEqualTo(ThuiszitterDefinition.FOUR_WEEKS_OR_MORE);
        assertThatThrownBy(() -> ThuiszitterDefinition.named("less-than-50-percent"))
                .hasMessageContaining("<50%-of-education variant needs data the register does not hold");
    }
}
