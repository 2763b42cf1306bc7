package nl.verzuimhub.server.dashboard.report;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.server.dashboard.DashboardAudit;
import nl.verzuimhub.server.dashboard.DashboardUser;
import nl.verzuimhub.server.dashboard.SearchForm;
import nl.verzuimhub.server.dashboard.anomaly.AnomalyService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The generated reports: subject access (AVG art. 15) as HTML and PDF in Dutch or English, the processing register
 * (AVG art. 30) as HTML and JSON, and the DPIA. A subject-access report is an audited look-up (SEARCH on screen,
 * EXPORT as PDF).
 */
@Controller
class ReportController {
    private final ReportService reports;
    private final SubjectHasher hasher;
    private final DashboardAudit audit;
    private final TemplateEngine templates;
    private final AnomalyService anomalies;

    ReportController(ReportService reports, SubjectHasher hasher, DashboardAudit audit, TemplateEngine templates,
                     AnomalyService anomalies) {
        this.anomalies = anomalies;
        this.reports = reports;
        this.hasher = hasher;
        this.audit = audit;
        this.templates = templates;
    }

    @GetMapping("/dashboard/subject-access")
    String subjectAccessForm(Model model) {
        model.addAttribute("user", DashboardUser.current());
        return "dashboard/subject-access";
    }

    @PostMapping("/dashboard/subject-access")
    String subjectAccess(@RequestParam(defaultValue = "") String bsn, @RequestParam(defaultValue = "nl") String lang,
                         Model model, HttpServletResponse response) {
        model.addAttribute("user", DashboardUser.current());
        String subjectHash;
        try {
            subjectHash = subjectHash(bsn);
        } catch (SearchForm.InvalidSearch invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", invalid.getMessage());
            return "dashboard/subject-access";
        }
        ReportLanguage language = ReportLanguage.of(lang);
        audit.searched(subjectHash, "subject-access report html lang=" + language.code());
        model.addAttribute("report", reports.subjectAccess(subjectHash, language));
        model.addAttribute("t", ReportTexts.of(language));
        model.addAttribute("bsn", bsn.trim());
        model.addAttribute("other", language == ReportLanguage.NL ? "en" : "nl");
        return "dashboard/subject-access";
    }

    @PostMapping("/dashboard/subject-access/pdf")
    ResponseEntity<byte[]> subjectAccessPdf(@RequestParam(defaultValue = "") String bsn,
                                            @RequestParam(defaultValue = "nl") String lang) {
        String subjectHash;
        try {
            subjectHash = subjectHash(bsn);
        } catch (SearchForm.InvalidSearch invalid) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(invalid.getMessage().getBytes());
        }
        ReportLanguage language = ReportLanguage.of(lang);
        audit.exported(subjectHash, "subject-access report pdf lang=" + language.code());
        Context context = new Context();
        context.setVariable("report", reports.subjectAccess(subjectHash, language));
        context.setVariable("t", ReportTexts.of(language));
        byte[] pdf = PdfRenderer.render(templates.process("dashboard/subject-access-pdf", context));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inzage-" + language.code() + ".pdf\"")
                .body(pdf);
    }

    @GetMapping("/dashboard/register")
    String register(Model model) {
        model.addAttribute("user", DashboardUser.current());
        model.addAttribute("register", reports.processingRegister());
        model.addAttribute("versions", reports.registerVersions());
        return "dashboard/register";
    }

    @GetMapping(value = "/dashboard/register.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> registerJson() {
        return RegisterJson.of(reports.processingRegister(), true);
    }

    @GetMapping("/dashboard/dpia")
    String dpia(Model model) {
        ProcessingRegister register = reports.processingRegister();
        model.addAttribute("user", DashboardUser.current());
        model.addAttribute("register", register);
        model.addAttribute("risks", DpiaAssessment.risks(register, anomalies.recent().anomalies().size()));
        return "dashboard/dpia";
    }

    private String subjectHash(String bsn) {
        SearchForm form = new SearchForm(bsn, null, null, null, null);
        if (!form.hasSubject()) {
            throw new SearchForm.InvalidSearch("Vul een BSN in / enter a BSN");
        }
        return form.criteria(hasher).subjectHash();
    }
}
