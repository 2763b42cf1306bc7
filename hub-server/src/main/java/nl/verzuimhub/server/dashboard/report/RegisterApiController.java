package nl.verzuimhub.server.dashboard.report;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The processing register for systems (a privacy officer's tooling with a bearer token): under
 * {@code /api/v1/audit/**}, so the API chain already limits it to the PRIVACY_OFFICER role.
 */
@RestController
class RegisterApiController {
    private final ReportService reports;

    RegisterApiController(ReportService reports) {
        this.reports = reports;
    }

    @Operation(summary = "The processing register (AVG art. 30)", description = "Generated from the live policy set"
            + " and the log's volumes, in DPV terms; policySetVersion and policySetHash name its version.")
    @GetMapping("/api/v1/audit/processing-register")
    Map<String, Object> register() {
        return RegisterJson.of(reports.processingRegister(), true);
    }
}
