package nl.verzuimhub.server.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.verzuimhub.core.calendar.SchoolYear;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.policies.DefaultPolicySet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partnership's page, the list its meeting works from: its thuiszitters in a school year (pseudonymised unless
 * the legal-basis switch is on, with school, duration and status) and its 5 onder a exemptions per school year and
 * per month. Only a person of that partnership sees it; anyone else gets 403 and a DENY entry. Every pupil shown is a
 * disclosure: its audit entry, and one for the counts, are committed before the page is rendered.
 */
@Controller
class PartnershipPageController {
    private final StatisticsService statistics;
    private final IndicatorTables tables;
    private final PersonPages pages;
    private final StatisticsAudit audit;
    private final ThuiszitterList thuiszitters;

    PartnershipPageController(StatisticsService statistics, IndicatorTables tables, PersonPages pages,
                              StatisticsAudit audit, ThuiszitterList thuiszitters) {
        this.statistics = statistics;
        this.tables = tables;
        this.pages = pages;
        this.audit = audit;
        this.thuiszitters = thuiszitters;
    }

    @GetMapping({"/dashboard/partnership", "/dashboard/partnership/"})
    String own(Model model, HttpServletResponse response) {
        Optional<Recipient> recipient = pages.recipient();
        if (recipient.isEmpty() || recipient.get().role() != RecipientRole.PARTNERSHIP) {
            return pages.refuse(recipient.orElse(null), null, "GET /dashboard/partnership",
                    "the partnership page is for people of a partnership", model, response);
        }
        return "redirect:/dashboard/partnerships/" + recipient.get().organisation().code();
    }

    @GetMapping("/dashboard/partnerships/{code}")
    String partnership(@PathVariable String code, @RequestParam(required = false) String schoolYear, Model model,
                       HttpServletResponse response) {
        StatisticsGroup group = StatisticsGroup.parse(StatisticsGroup.Type.PARTNERSHIP, code);
        SchoolYear year = schoolYear == null || schoolYear.isBlank() ? statistics.defaultSchoolYear()
                : statistics.schoolYear(schoolYear);
        String purposeId = DefaultPolicySet.PASSEND_ONDERWIJS.id();
        Recipient recipient = pages.recipient().orElse(null);
        String what = "partnership page " + group.describe();
        if (recipient == null || recipient.role() != RecipientRole.PARTNERSHIP
                || !recipient.organisation().code().equals(code)) {
            return pages.refuse(recipient, purposeId, what, "only a person of partnership " + code
                    + " sees its page", model, response);
        }
        if (!recipient.purposes().contains(purposeId)) {
            return pages.refuse(recipient, purposeId, what, "the partnership does not hold purpose " + purposeId,
                    model, response);
        }
        List<RegisterRecord> records = statistics.records(group);
        LocalDate today = LocalDate.now(audit.clock().withZone(IndicatorTables.ZONE));
        LocalDate reference = today.isBefore(year.lastDay()) ? today : year.lastDay();
        String reason = "user=" + pages.person().username() + "; " + what + " thuiszitters schoolYear=" + year;
        List<ThuiszitterList.Row> rows = thuiszitters.rows(records, year, reference, recipient, purposeId, reason,
                audit.now());
        List<IndicatorTables.Count> perYear = tables.exemptions5aPerSchoolYear(records, true);
        List<IndicatorTables.Count> perMonth = tables.exemptions5aPerMonth(records, year, true);
        audit.disclosedRecords(rows.stream().map(ThuiszitterList.Row::audit).toList());
        audit.disclosed(pages.caller(recipient), purposeId, List.of(group.describe() + ";exemptions.5a;perSchoolYear",
                        group.describe() + ";exemptions.5a;perMonth;schoolYear=" + year), List.of("exemptions.5a"),
                "partnership page counts suppressed=true");
        model.addAttribute("user", pages.person());
        model.addAttribute("organisation", recipient.organisation());
        model.addAttribute("schoolYear", year.toString());
        model.addAttribute("schoolYears", statistics.knownSchoolYears());
        model.addAttribute("reference", reference);
        model.addAttribute("rows", rows);
        model.addAttribute("identifiable", rows.stream().anyMatch(r -> !"pseudonym".equals(r.identifierField())));
        model.addAttribute("perYear", perYear);
        model.addAttribute("perMonth", perMonth);
        model.addAttribute("threshold", tables.threshold());
        model.addAttribute("perYearChart", BarChart.svg("chart-5a-years", "5 onder a per schooljaar", perYear.stream()
                .map(IndicatorTables.Count::bar).toList(), tables.threshold()));
        model.addAttribute("perMonthChart", BarChart.svg("chart-5a-months", "5 onder a per maand " + year,
                perMonth.stream().map(IndicatorTables.Count::bar).toList(), tables.threshold()));
        model.addAttribute("partnershipPage", true);
        return "statistics/partnership";
    }
}
