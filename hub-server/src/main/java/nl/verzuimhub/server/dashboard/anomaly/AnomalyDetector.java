package nl.verzuimhub.server.dashboard.anomaly;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.DailyCount;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.HourlyCount;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.SubjectSpread;

/**
 * Finds anomalies in the log's statistics with the explicit rules of {@link AnomalyThresholds}. Pure: the same
 * counts and thresholds always give the same anomalies, in a stable order (kind, then when, then who).
 */
public final class AnomalyDetector {
    private final AnomalyThresholds t;

    public AnomalyDetector(AnomalyThresholds thresholds) {
        this.t = thresholds;
    }

    public List<Anomaly> detect(List<DailyCount> daily, List<HourlyCount> hourly, List<SubjectSpread> spread) {
        List<Anomaly> found = new ArrayList<>();
        volumeSpikes(daily, found);
        denialSpikes(daily, found);
        for (SubjectSpread subject : spread) {
            if (subject.recipients() >= t.subjectRecipients()) {
                found.add(new Anomaly(Anomaly.Kind.SUBJECT_SPREAD, shorten(subject.subjectHash()), "",
                        subject.recipients(), t.subjectRecipients(), "one data subject was disclosed to "
                        + subject.recipients() + " different recipients"));
            }
        }
        outsideOfficeHours(hourly, found);
        for (HourlyCount hour : hourly) {
            if ("DISCLOSE".equals(hour.action()) && hour.count() >= t.bulkPerHour()) {
                found.add(new Anomaly(Anomaly.Kind.BULK_RETRIEVAL, hour.recipientId(), hour.hour().toString(),
                        hour.count(), t.bulkPerHour(), hour.count() + " records disclosed within one hour"));
            }
        }
        for (DailyCount day : daily) {
            if ("EXPORT".equals(day.action()) && day.count() >= t.exportsPerDay()) {
                found.add(new Anomaly(Anomaly.Kind.BULK_EXPORTS, day.recipientId(), day.day().toString(), day.count(),
                        t.exportsPerDay(), day.count() + " exports of audit data on one day"));
            }
        }
        found.sort(Comparator.comparing(Anomaly::kind).thenComparing(Anomaly::when).thenComparing(Anomaly::who));
        return found;
    }

    private void volumeSpikes(List<DailyCount> daily, List<Anomaly> found) {
        Map<String, TreeMap<LocalDate, Long>> perRecipient = new TreeMap<>();
        for (DailyCount day : daily) {
            if ("DISCLOSE".equals(day.action()) && day.recipientId() != null) {
                perRecipient.computeIfAbsent(day.recipientId(), r -> new TreeMap<>()).merge(day.day(), day.count(), Long::sum);
            }
        }
        perRecipient.forEach((recipient, days) -> days.forEach((day, count) -> {
            Double baseline = baseline(days, day);
            if (baseline != null && count >= t.volumeMinimum() && count > t.volumeFactor() * baseline) {
                found.add(new Anomaly(Anomaly.Kind.VOLUME_SPIKE, recipient, day.toString(), count,
                        t.volumeFactor() * baseline, String.format(java.util.Locale.ROOT,
                        "%d disclosures against a baseline of %.1f a day", count, baseline)));
            }
        }));
    }

    private void denialSpikes(List<DailyCount> daily, List<Anomaly> found) {
        TreeMap<LocalDate, Long> denials = new TreeMap<>();
        for (DailyCount day : daily) {
            if ("DENY".equals(day.action())) {
                denials.merge(day.day(), day.count(), Long::sum);
            }
        }
        denials.forEach((day, count) -> {
            Double baseline = baseline(denials, day);
            if (baseline != null && count >= t.denialMinimum() && count > t.denialFactor() * baseline) {
                found.add(new Anomaly(Anomaly.Kind.DENIAL_SPIKE, "all recipients", day.toString(), count,
                        t.denialFactor() * baseline, String.format(java.util.Locale.ROOT,
                        "%d denials against a baseline of %.1f a day", count, baseline)));
            }
        });
    }

    /**
     * Mean daily count over the {@code baselineDays} before {@code day} (days without entries count as zero, from
     * the first day with data on), or null when fewer than {@code minBaselineDays} of those days have data.
     */
    private Double baseline(TreeMap<LocalDate, Long> days, LocalDate day) {
        LocalDate start = day.minusDays(t.baselineDays());
        LocalDate first = days.firstKey();
        if (first.isAfter(start)) {
            start = first;
        }
        var window = days.subMap(start, true, day, false);
        if (window.size() < t.minBaselineDays()) {
            return null;
        }
        long span = java.time.temporal.ChronoUnit.DAYS.between(start, day);
        long total = window.values().stream().mapToLong(Long::longValue).sum();
        return (double) total / span;
    }

    private void outsideOfficeHours(List<HourlyCount> hourly, List<Anomaly> found) {
        Map<String, Long> perRecipientDay = new TreeMap<>();
        for (HourlyCount hour : hourly) {
            boolean watched = "DISCLOSE".equals(hour.action()) || "SEARCH".equals(hour.action())
                    || "EXPORT".equals(hour.action());
            if (watched && !officeTime(hour.hour())) {
                perRecipientDay.merge(hour.recipientId() + "\u0000" + hour.hour().toLocalDate(), hour.count(), Long::sum);
            }
        }
        perRecipientDay.forEach((key, count) -> {
            String[] parts = key.split("\u0000");
            found.add(new Anomaly(Anomaly.Kind.OUTSIDE_OFFICE_HOURS, parts[0], parts[1], count, 0,
                    count + " entries outside office hours (" + t.officeHoursStart() + ":00-" + t.officeHoursEnd()
                            + ":00, Monday to Friday)"));
        });
    }

    boolean officeTime(LocalDateTime hour) {
        DayOfWeek day = hour.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && hour.getHour() >= t.officeHoursStart()
                && hour.getHour() < t.officeHoursEnd();
    }

    private static String shorten(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
    }
}
