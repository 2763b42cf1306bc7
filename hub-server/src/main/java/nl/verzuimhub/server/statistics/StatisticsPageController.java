package nl.verzuimhub.server.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import nl.verzuimhub.core.calendar.SchoolYear;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The statistics pages for people of a recipient organisation: a municipality's or partnership's own indicators,
 * and for a statistics recipient every municipality side by side; tables and server-drawn SVG charts, no scripts.
 * Same scope and suppression as the API ({@link StatisticsScope}); every page view is audited before it is shown,
 * every refusal is a DENY entry and a 403 page.
 */
@Controller
class StatisticsPageController {
    private final StatisticsService statistics;
    private final PersonPages pages;
    private final StatisticsAudit audit;

    StatisticsPageController(StatisticsService statistics, PersonPages pages, StatisticsAudit audit) {
        this.statistics = statistics;
        this.pages = pages;
        this.audit = audit;
    }

    /** The person's own statistics page. */
    @GetMapping({"/dashboard/statistics", "/dashboard/statistics/"})
    String home(@RequestParam(required = false) String schoolYear, Model model, HttpServletResponse response) {
        Optional<Recipient> recipient = pages.recipient();
        if (recipient.isPresent() && recipient.get().role() == RecipientRole.STATISTICS) {
            return "redirect:/dashboard/statistics/municipalities" + query(schoolYear);
        }
        Optional<StatisticsGroup> own = recipient.flatMap(StatisticsScope::ownGroup);
        if (own.isEmpty()) {
            return pages.refuse(recipient.orElse(null), null, "GET /dashboard/statistics",
                    "no statistics for this organisation and role", model, response);
        }
        return "redirect:/dashboard/statistics/" + own.get().type().path() + "/" + own.get().code() + query(schoolYear);
    }

    @GetMapping("/dashboard/statistics/municipalities/{code}")
    String municipality(@PathVariable String code, @RequestParam(required = false) String schoolYear, Model model,
                        HttpServletResponse response) {
        return group(StatisticsGroup.parse(StatisticsGroup.Type.MUNICIPALITY, code), schoolYear, model, response);
    }

    @GetMapping("/dashboard/statistics/partnerships/{code}")
    String partnership(@PathVariable String code, @RequestParam(required = false) String schoolYear, Model model,
                       HttpServletResponse response) {
        return group(StatisticsGroup.parse(StatisticsGroup.Type.PARTNERSHIP, code), schoolYear, model, response);
    }

    @GetMapping("/dashboard/statistics/municipalities")
    String municipalities(@RequestParam(required = false) String schoolYear, Model model, HttpServletResponse response) {
        SchoolYear year = year(schoolYear);
        Recipient recipient = pages.recipient().orElse(null);
        StatisticsScope.Access access = recipient == null ? new StatisticsScope.Refused("no recipient for this person")
                : StatisticsScope.decideAllMunicipalities(recipient, null);
        if (access instanceof StatisticsScope.Refused refused) {
            return pages.refuse(recipient, null, "GET /dashboard/statistics/municipalities", refused.reason(), model,
                    response);
        }
        StatisticsScope.Granted granted = (StatisticsScope.Granted) access;
        List<StatisticsTable> tables = statistics.municipalitiesFor(recipient, year, granted.suppressed());
        audit.disclosed(pages.caller(recipient), granted.purposeId(), tables.stream().map(StatisticsTable::name).toList(),
                tables.isEmpty() ? List.of() : tables.get(0).indicatorIds(), "statistics page suppressed="
                        + granted.suppressed());
        common(model, year, recipient, granted);
        model.addAttribute("tables", tables);
        model.addAttribute("compared", StatisticsCharts.COMPARED.stream()
                .map(indicator -> StatisticsCharts.across(indicator, tables)).toList());
        return "statistics/municipalities";
    }

    private String group(StatisticsGroup group, String schoolYear, Model model, HttpServletResponse response) {
        SchoolYear year = year(schoolYear);
        Recipient recipient = pages.recipient().orElse(null);
        StatisticsScope.Access access = recipient == null ? new StatisticsScope.Refused("no recipient for this person")
                : StatisticsScope.decide(recipient, group, null);
        if (access instanceof StatisticsScope.Refused refused) {
            return pages.refuse(recipient, null, "statistics page " + group.describe(), refused.reason(), model, response);
        }
        StatisticsScope.Granted granted = (StatisticsScope.Granted) access;
        StatisticsTable table = statistics.table(group, year, granted.suppressed());
        audit.disclosed(pages.caller(recipient), granted.purposeId(), List.of(table.name()), table.indicatorIds(),
                "statistics page suppressed=" + granted.suppressed());
        common(model, year, recipient, granted);
        model.addAttribute("table", table);
        model.addAttribute("countChart", StatisticsCharts.counts(table));
        model.addAttribute("dayChart", StatisticsCharts.days(table));
        return "statistics/group";
    }

    private void common(Model model, SchoolYear year, Recipient recipient, StatisticsScope.Granted granted) {
        model.addAttribute("user", pages.person());
        model.addAttribute("organisation", recipient.organisation());
        model.addAttribute("schoolYear", year.toString());
        model.addAttribute("schoolYears", statistics.knownSchoolYears());
        model.addAttribute("suppressed", granted.suppressed());
        model.addAttribute("partnershipPage", recipient.role() == RecipientRole.PARTNERSHIP);
    }

    private SchoolYear year(String schoolYear) {
        return schoolYear == null || schoolYear.isBlank() ? statistics.defaultSchoolYear()
                : statistics.schoolYear(schoolYear);
    }

    private static String query(String schoolYear) {
        return schoolYear == null || schoolYear.isBlank() ? ""
                : "?schoolYear=" + java.net.URLEncoder.encode(schoolYear, java.nio.charset.StandardCharsets.UTF_8);
    }
}
