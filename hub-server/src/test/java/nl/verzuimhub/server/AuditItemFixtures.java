package nl.verzuimhub.server;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.server.dashboard.report.ReportLanguage;
import nl.verzuimhub.server.dashboard.report.ReportService;
import nl.verzuimhub.server.dashboard.report.SubjectAccessReport;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the tests of audit entries with items (feed pages, push entries) share: delivery rows written directly, and
 * the subject-access report and daily counts they read back.
 */
public final class AuditItemFixtures {
    private AuditItemFixtures() {
    }

    /**
     * Writes a delivery row: a VERZUIMMELDING, version 1, decided by {@code ruleId} in policy version test-1 with
     * decision id {@code decision-<id>}; fields bsn and hours, or none for a retraction ({@code INGETROKKEN}).
     */
    public static void delivery(JdbcTemplate jdbc, long id, String recipient, String purpose, String legalBasis,
                                String ruleId, String subject, String recordId, String action) {
        boolean retraction = action.equals("INGETROKKEN");
        jdbc.update("insert into delivery (id, recipient_id, purpose_id, legal_basis, kind, record_id, version, action,"
                        + " rule_id, policy_version, decision_id, subject_hash, fields, data, created_at)"
                        + " values (?, ?, ?, ?, 'VERZUIMMELDING', ?, 1, ?, ?, 'test-1', ?, ?, ?::text[], ?::json, now())",
                id, recipient, purpose, legalBasis, recordId, action, ruleId, "decision-" + id, subject,
                retraction ? "{}" : "{bsn,hours}", retraction ? null : "{}");
    }

    /** The lines of the subject's access report (English), all organisations together. */
    public static List<SubjectAccessReport.Line> reportLines(ReportService reports, String subject) {
        return reports.subjectAccess(subject, ReportLanguage.EN).organisations().stream()
                .flatMap(o -> o.lines().stream()).toList();
    }

    /** The dashboard's daily counts of the recipient, summed per action over all days. */
    public static Map<String, Long> dailyByAction(AuditReadRepository dashboard, String recipient) {
        Map<String, Long> byAction = new HashMap<>();
        dashboard.dailyCounts(Instant.EPOCH).stream().filter(c -> c.recipientId().equals(recipient))
                .forEach(c -> byAction.merge(c.action(), c.count(), Long::sum));
        return byAction;
    }
}
