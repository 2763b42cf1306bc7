package nl.verzuimhub.server.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.server.dashboard.anomaly.AnomalyService;
import nl.verzuimhub.server.dashboard.anomaly.VolumeChart;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository;
import nl.verzuimhub.server.dashboard.search.DashboardEntry;
import nl.verzuimhub.server.dashboard.search.SearchCriteria;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The privacy officer's dashboard: search (by BSN through its keyed hash, recipient, purpose, period), the
 * per-subject chronological view (NEN 7513), volumes per recipient as a chart, anomalies, and the chain status.
 * Searches are POSTed, so a BSN never appears in a URL; each is audited before its results are read.
 */
@Controller
class DashboardController {
    static final int RESULT_LIMIT = 500;

    private final AuditReadRepository repository;
    private final DashboardAudit audit;
    private final SubjectHasher hasher;
    private final ChainStatusService chain;
    private final RecipientDirectory recipients;
    private final PolicyEngine engine;
    private final AnomalyService anomalies;

    DashboardController(AuditReadRepository repository, DashboardAudit audit, SubjectHasher hasher, ChainStatusService chain,
                        RecipientDirectory recipients, PolicyEngine engine, AnomalyService anomalies) {
        this.repository = repository;
        this.audit = audit;
        this.hasher = hasher;
        this.chain = chain;
        this.recipients = recipients;
        this.engine = engine;
        this.anomalies = anomalies;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("user", DashboardUser.current());
        model.addAttribute("recipients", recipients.all().stream()
                .sorted(java.util.Comparator.comparing(r -> r.clientId())).toList());
        model.addAttribute("purposes", engine.policySet().purposes().values().stream()
                .sorted(java.util.Comparator.comparing(p -> p.id())).toList());
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String home(Model model) {
        AnomalyService.Recent recent = anomalies.recent();
        model.addAttribute("form", SearchForm.empty());
        model.addAttribute("chain", chain.status());
        model.addAttribute("anomalies", recent.anomalies());
        model.addAttribute("chart", VolumeChart.svg(recent.daily()));
        model.addAttribute("thresholds", anomalies.thresholds());
        return "dashboard/home";
    }

    @PostMapping("/dashboard/search")
    String search(SearchForm form, Model model, HttpServletResponse response) {
        SearchCriteria criteria;
        try {
            criteria = form.criteria(hasher);
        } catch (SearchForm.InvalidSearch invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("form", form.withoutSubject());
            model.addAttribute("error", invalid.getMessage());
            return "dashboard/search";
        }
        audit.searched(criteria.subjectHash(), "search " + criteria.describe());
        long total = repository.count(criteria);
        List<DashboardEntry> entries = repository.search(criteria, RESULT_LIMIT);
        model.addAttribute("form", form.withoutSubject());
        model.addAttribute("subjectView", criteria.subjectHash() != null);
        model.addAttribute("criteria", criteria.describe());
        model.addAttribute("total", total);
        model.addAttribute("entries", entries);
        model.addAttribute("limit", RESULT_LIMIT);
        model.addAttribute("subjectHash", criteria.subjectHash());
        return "dashboard/search";
    }
}
