package nl.verzuimhub.core.rules;

import static nl.verzuimhub.core.testdata.TestRecords.absolute;
import static nl.verzuimhub.core.testdata.TestRecords.date;
import static nl.verzuimhub.core.testdata.TestRecords.lrv;
import static nl.verzuimhub.core.testdata.TestRecords.pupil;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoorloopsnelheidTest {
    @Test
    void meanAndMedianOverEpisodesClosedInThePeriodOpenOnesSeparately() {
        // LRV closed in the period after 10, 20 and 60 days; one closed before it, one after it, one still open.
        List<Episode> episodes = Episodes.from(List.of(
                lrv("VM-1", pupil(0), "2024-09-02", "2024-09-11"),
                lrv("VM-2", pupil(1), "2024-09-02", "2024-09-21"),
                lrv("VM-3", pupil(2), "2024-10-01", "2024-11-29"),
                lrv("VM-4", pupil(3), "2024-06-01", "2024-07-31"),
                lrv("VM-5", pupil(4), "2025-01-06", "2025-08-15"),
                lrv("VM-6", pupil(5), "2025-05-01", null),
                absolute("AV-1", pupil(6), "2024-08-01", "2025-01-31")));

        DoorloopsnelheidReport report = Doorloopsnelheid.measure(episodes, date("2024-08-01"), date("2025-07-31"),
                date("2025-07-31"));

        assertThat(report.closed().get(EpisodeKind.LRV)).isEqualTo(new Durations(3, 30.0, 20.0));
        assertThat(report.closed().get(EpisodeKind.ABSOLUTE_ABSENCE))
                .isEqualTo(new Durations(1, (double) days("2024-08-01", "2025-01-31"),
                        (double) days("2024-08-01", "2025-01-31")));
        // VM-5 ends after the reference day: still open on it, like VM-6.
        double open5 = days("2025-01-06", "2025-07-31");
        double open6 = days("2025-05-01", "2025-07-31");
        assertThat(report.open().get(EpisodeKind.LRV))
                .isEqualTo(new Durations(2, (open5 + open6) / 2, (open5 + open6) / 2));
        assertThat(report.open().get(EpisodeKind.ABSOLUTE_ABSENCE)).isEqualTo(Durations.NONE);
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        assertThat(Doorloopsnelheid.summarise(List.of(5L, 1L, 100L))).isEqualTo(new Durations(3, 106 / 3.0, 5.0));
        assertThat(Doorloopsnelheid.summarise(List.of())).isEqualTo(Durations.NONE);
    }

    private static long days(String from, String to) {
        return ChronoUnit.DAYS.between(LocalDate.parse(from), LocalDate.parse(to)) + 1;
    }
}
