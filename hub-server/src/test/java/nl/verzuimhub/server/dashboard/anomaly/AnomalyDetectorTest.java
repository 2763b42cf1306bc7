package nl.verzuimhub.server.dashboard.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.DailyCount;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.HourlyCount;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.SubjectSpread;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    final AnomalyDetector detector = new AnomalyDetector(AnomalyThresholds.defaults());

    @Test
    void aDayFarAboveTheRecipientsBaselineIsAVolumeSpikeAndOneJustBelowIsNot() {
        List<DailyCount> daily = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            daily.add(new DailyCount("leerplicht-0363", "DISCLOSE", MONDAY.plusDays(i), 20));
        }
        daily.add(new DailyCount("leerplicht-0363", "DISCLOSE", MONDAY.plusDays(10), 61)); // > 3 x 20
        daily.add(new DailyCount("swv-vo2701", "DISCLOSE", MONDAY.plusDays(9), 20));
        for (int i = 0; i < 9; i++) {
            daily.add(new DailyCount("swv-vo2701", "DISCLOSE", MONDAY.plusDays(i), 20));
        }
        daily.add(new DailyCount("swv-vo2701", "DISCLOSE", MONDAY.plusDays(10), 60)); // = 3 x 20: not above

        List<Anomaly> found = detector.detect(daily, List.of(), List.of());

        assertThat(found).extracting(Anomaly::kind, Anomaly::who, Anomaly::when, Anomaly::observed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Anomaly.Kind.VOLUME_SPIKE, "leerplicht-0363",
                        MONDAY.plusDays(10).toString(), 61L));
        assertThat(found.get(0).limit()).isEqualTo(60.0);
    }

    @Test
    void aNewRecipientWithoutEnoughHistoryHasNoBaselineAndSmallNumbersNeverAlarm() {
        List<DailyCount> daily = List.of(
                new DailyCount("new", "DISCLOSE", MONDAY, 5), new DailyCount("new", "DISCLOSE", MONDAY.plusDays(1), 900),
                new DailyCount("small", "DISCLOSE", MONDAY, 1), new DailyCount("small", "DISCLOSE", MONDAY.plusDays(1), 1),
                new DailyCount("small", "DISCLOSE", MONDAY.plusDays(2), 1), new DailyCount("small", "DISCLOSE", MONDAY.plusDays(3), 40));
        assertThat(detector.detect(daily, List.of(), List.of())).isEmpty();
    }

    @Test
    void denialsAreComparedAcrossAllRecipients() {
        List<DailyCount> daily = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            daily.add(new DailyCount("a", "DENY", MONDAY.plusDays(i), 1));
            daily.add(new DailyCount("b", "DENY", MONDAY.plusDays(i), 1));
        }
        daily.add(new DailyCount("a", "DENY", MONDAY.plusDays(5), 6));
        daily.add(new DailyCount("b", "DENY", MONDAY.plusDays(5), 6));
        assertThat(detector.detect(daily, List.of(), List.of())).singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(Anomaly.Kind.DENIAL_SPIKE);
                    assertThat(a.observed()).isEqualTo(12);
                });
    }

    @Test
    void subjectSpreadBulkRetrievalExportsAndOfficeHoursFollowTheirThresholds() {
        List<HourlyCount> hourly = List.of(
                new HourlyCount("leerplicht-0363", "DISCLOSE", MONDAY.atTime(10, 0), 499),
                new HourlyCount("swv-vo2701", "DISCLOSE", MONDAY.atTime(11, 0), 500),
                new HourlyCount("leerplicht-0363", "DISCLOSE", MONDAY.atTime(6, 0), 2),
                new HourlyCount("leerplicht-0363", "DISCLOSE", MONDAY.atTime(19, 0), 3),
                new HourlyCount("leerplicht-0363", "DENY", MONDAY.atTime(23, 0), 3),
                new HourlyCount("jgz", "DISCLOSE", LocalDateTime.of(MONDAY.plusDays(5), java.time.LocalTime.NOON), 1));
        List<DailyCount> daily = List.of(new DailyCount("verzuimhub-dashboard", "EXPORT", MONDAY, 5),
                new DailyCount("verzuimhub-dashboard", "EXPORT", MONDAY.plusDays(1), 4));
        List<SubjectSpread> spread = List.of(new SubjectSpread("a".repeat(64), 3), new SubjectSpread("b".repeat(64), 2));

        List<Anomaly> found = detector.detect(daily, hourly, spread);

        assertThat(found).extracting(Anomaly::kind, Anomaly::who, Anomaly::observed).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Anomaly.Kind.SUBJECT_SPREAD, "aaaaaaaaaaaa", 3L),
                org.assertj.core.groups.Tuple.tuple(Anomaly.Kind.OUTSIDE_OFFICE_HOURS, "leerplicht-0363", 5L),
                org.assertj.core.groups.Tuple.tuple(Anomaly.Kind.OUTSIDE_OFFICE_HOURS, "jgz", 1L),
                org.assertj.core.groups.Tuple.tuple(Anomaly.Kind.BULK_RETRIEVAL, "swv-vo2701", 500L),
                org.assertj.core.groups.Tuple.tuple(Anomaly.Kind.BULK_EXPORTS, "verzuimhub-dashboard", 5L));
    }
}
