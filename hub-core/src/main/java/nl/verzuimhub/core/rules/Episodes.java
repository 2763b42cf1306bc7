package nl.verzuimhub.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.ReportStatus;

/**
 * Turns register records into {@link Episode}s.
 *
 * <p>Contract: of several versions of one record ({@code kind, id}) only the highest counts. An {@link AbsenceReport}
 * of type {@link AbsenceType#LRV} and an {@link AbsoluteAbsence} each give one episode, unless withdrawn
 * ({@link ReportStatus#INGETROKKEN}: a withdrawn report never happened). The episode's end is the record's period end;
 * a record the register closed ({@link ReportStatus#AFGESLOTEN}) without a period end ends on the day it was last
 * changed. Every other record gives no episode.
 */
public final class Episodes {
    private Episodes() {
    }

    /** The episodes of {@code records}, ordered by start date, then record id. */
    public static List<Episode> from(Collection<? extends RegisterRecord> records) {
        List<Episode> episodes = new ArrayList<>();
        for (RegisterRecord record : latestVersions(records)) {
            if (record instanceof AbsenceReport report && report.absenceType() == AbsenceType.LRV
                    && report.status() != ReportStatus.INGETROKKEN) {
                episodes.add(new Episode(EpisodeKind.LRV, report.id(), report.pupil(), report.enrolment(),
                        report.period().start(), end(report.period().end(), report.status(), record)));
            } else if (record instanceof AbsoluteAbsence absence && absence.status() != ReportStatus.INGETROKKEN) {
                episodes.add(new Episode(EpisodeKind.ABSOLUTE_ABSENCE, absence.id(), absence.pupil(),
                        absence.lastEnrolment(), absence.period().start(),
                        end(absence.period().end(), absence.status(), record)));
            }
        }
        episodes.sort(Comparator.comparing(Episode::start).thenComparing(Episode::recordId));
        return episodes;
    }

    /** Of each record ({@code kind, id}) the highest version, in first-seen order. */
    public static List<RegisterRecord> latestVersions(Collection<? extends RegisterRecord> records) {
        Map<String, RegisterRecord> latest = new LinkedHashMap<>();
        for (RegisterRecord record : records) {
            latest.merge(record.kind() + "/" + record.id(), record,
                    (kept, candidate) -> candidate.version() > kept.version() ? candidate : kept);
        }
        return List.copyOf(latest.values());
    }

    private static LocalDate end(LocalDate periodEnd, ReportStatus status, RegisterRecord record) {
        if (periodEnd != null) {
            return periodEnd;
        }
        if (status == ReportStatus.AFGESLOTEN) {
            LocalDate changed = record.lastChanged().toLocalDate();
            return changed.isBefore(record.period().start()) ? record.period().start() : changed;
        }
        return null;
    }
}
