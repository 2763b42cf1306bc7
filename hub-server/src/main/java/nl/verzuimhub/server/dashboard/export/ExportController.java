package nl.verzuimhub.server.dashboard.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import nl.verzuimhub.server.dashboard.DashboardUser;
import nl.verzuimhub.server.dashboard.SearchForm;
import nl.verzuimhub.server.dashboard.search.SearchCriteria;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * CSV and JSON exports of a search's entries: started with a POST (audited before it starts), followed on a
 * progress page that refreshes itself (and a JSON progress endpoint), downloaded when done. A job is visible only
 * to the person who started it.
 */
@Controller
class ExportController {
    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    /** @param subjectHash the keyed hash from a subject search (64 hex characters), never a BSN */
    @PostMapping("/dashboard/export")
    String start(@RequestParam(required = false) String subjectHash, SearchForm form,
                 @RequestParam(defaultValue = "CSV") String format) {
        ExportFormat chosen;
        try {
            chosen = ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be CSV or JSON");
        }
        if (subjectHash != null && !subjectHash.isBlank() && !subjectHash.matches("[0-9a-f]{64}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "subjectHash must be 64 hex characters");
        }
        SearchCriteria criteria;
        try {
            SearchCriteria base = form.withoutSubject().criteria(null);
            criteria = new SearchCriteria(subjectHash == null || subjectHash.isBlank() ? null : subjectHash,
                    base.recipientId(), base.purposeId(), base.from(), base.to());
        } catch (SearchForm.InvalidSearch invalid) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, invalid.getMessage());
        }
        ExportJob job = exports.start(DashboardUser.current().username(), criteria, chosen);
        return "redirect:/dashboard/exports/" + job.id();
    }

    @GetMapping("/dashboard/exports/{id}")
    String progressPage(@PathVariable String id, Model model) {
        model.addAttribute("user", DashboardUser.current());
        model.addAttribute("job", job(id));
        return "dashboard/export";
    }

    @GetMapping("/dashboard/exports/{id}/progress")
    @ResponseBody
    Map<String, Object> progress(@PathVariable String id) {
        ExportJob job = job(id);
        return Map.of("state", job.state().name(), "written", job.written(), "total", job.total(),
                "percent", job.percent());
    }

    @GetMapping("/dashboard/exports/{id}/file")
    void download(@PathVariable String id, HttpServletResponse response) throws IOException {
        ExportJob job = job(id);
        if (job.state() != ExportJob.State.DONE) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the export is " + job.state());
        }
        response.setContentType(job.format().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-export-" + job.id() + "."
                + job.format().extension() + "\"");
        try (InputStream in = exports.open(job)) {
            in.transferTo(response.getOutputStream());
        }
    }

    private ExportJob job(String id) {
        return exports.find(id, DashboardUser.current().username())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such export"));
    }
}
