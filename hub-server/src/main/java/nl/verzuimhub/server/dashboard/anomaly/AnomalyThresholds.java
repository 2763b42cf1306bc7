package nl.verzuimhub.server.dashboard.anomaly;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the dashboard calls something unusual: {@code hub.dashboard.anomalies.*}. Every rule is a plain comparison
 * with one of these numbers (see {@link AnomalyDetector}).
 *
 * @param baselineDays        how many days before a day make a recipient's baseline (mean daily count)
 * @param minBaselineDays     days with data needed before a baseline counts (a new recipient has none)
 * @param volumeFactor        a day's disclosures to a recipient above this many times its baseline...
 * @param volumeMinimum       ...and at least this many, is a volume spike
 * @param denialFactor        a day's denials (all recipients) above this many times the baseline...
 * @param denialMinimum       ...and at least this many, is a denial spike
 * @param subjectRecipients   one data subject disclosed to at least this many distinct recipients in the window
 * @param officeHoursStart    first local hour of office time (inclusive), Monday to Friday
 * @param officeHoursEnd      end of office time (exclusive); disclosures, searches and exports outside it are flagged
 * @param bulkPerHour         one recipient receiving at least this many records within one hour is a bulk retrieval
 * @param exportsPerDay       at least this many dashboard exports on one day is bulk exporting
 */
@ConfigurationProperties("hub.dashboard.anomalies")
public record AnomalyThresholds(
        @DefaultValue("14") int baselineDays,
        @DefaultValue("3") int minBaselineDays,
        @DefaultValue("3.0") double volumeFactor,
        @DefaultValue("50") long volumeMinimum,
        @DefaultValue("3.0") double denialFactor,
        @DefaultValue("10") long denialMinimum,
        @DefaultValue("3") int subjectRecipients,
        @DefaultValue("7") int officeHoursStart,
        @DefaultValue("19") int officeHoursEnd,
        @DefaultValue("500") long bulkPerHour,
        @DefaultValue("5") long exportsPerDay) {

    public static AnomalyThresholds defaults() {
        return new AnomalyThresholds(14, 3, 3.0, 50, 3.0, 10, 3, 7, 19, 500, 5);
    }
}
