package nl.verzuimhub.server.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.server.dashboard.DashboardUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the statistics and partnership pages share: the logged-in person and the recipient they act for
 * ({@link StatisticsCallers}), and the refusal page (403, after a DENY entry is in the audit log).
 */
@Component
public class PersonPages {
    static final String FORBIDDEN = "statistics/forbidden";

    private final StatisticsCallers callers;
    private final StatisticsAudit audit;

    PersonPages(StatisticsCallers callers, StatisticsAudit audit) {
        this.callers = callers;
        this.audit = audit;
    }

    /** Where a person lands after logging in: their own page, or the privacy officers' dashboard. */
    public static String landing(String role) {
        if (RecipientRole.PARTNERSHIP.name().equals(role)) {
            return "/dashboard/partnership";
        }
        if (RecipientRole.ATTENDANCE_OFFICER.name().equals(role) || RecipientRole.STATISTICS.name().equals(role)) {
            return "/dashboard/statistics";
        }
        return "/dashboard";
    }

    DashboardUser person() {
        return DashboardUser.current();
    }

    Optional<Recipient> recipient() {
        return callers.forPerson(person());
    }

    StatisticsAudit.Caller caller(Recipient recipient) {
        return new StatisticsAudit.Caller(recipient, person().username(), AuditChannel.DASHBOARD);
    }

    /** Records the refusal, then answers with the 403 page. */
    String refuse(Recipient recipient, String purposeId, String what, String reason, Model model,
                  HttpServletResponse response) {
        DashboardUser person = person();
        audit.refused(person, recipient, purposeId, what + " refused: " + reason);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("user", person);
        model.addAttribute("reason", reason);
        return FORBIDDEN;
    }
}
