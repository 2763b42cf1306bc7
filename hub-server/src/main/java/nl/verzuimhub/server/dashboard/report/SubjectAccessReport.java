package nl.verzuimhub.server.dashboard.report;

import java.time.Instant;
import java.util.List;

/**
 * What the hub gave whom about one child (AVG art. 15): per organisation, each time data left the hub, with the
 * data, the purpose and the legal basis, in one language. Built by {@link SubjectAccessReportBuilder}; holds no BSN.
 */
public record SubjectAccessReport(ReportLanguage language, Instant generatedAt, List<Organisation> organisations,
                                  long disclosures) {

    public record Organisation(String code, String name, String role, List<Line> lines) {
    }

    /** One disclosure (or withdrawal) of one record, at {@code date} (local date and time, Europe/Amsterdam). */
    public record Line(String date, String action, String record, List<String> data, String purpose, String legalBasis) {
    }
}
