package nl.verzuimhub.server.dashboard.report;

import java.time.Clock;
import java.util.List;
import nl.verzuimhub.core.recipient.Purpose;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository;
import nl.verzuimhub.server.dashboard.search.SearchCriteria;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds the reports from the live policy set, the recipients and the audit log, and keeps one stored snapshot of
 * the processing register per policy set (version + content hash): at start-up, so a deployed policy change is
 * registered at once, and whenever a register is generated.
 */
@Service
public class ReportService {
    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    /** Upper bound on the entries one subject-access report reads. */
    static final int SUBJECT_LIMIT = 10_000;

    private final PolicyEngine engine;
    private final RecipientDirectory recipients;
    private final AuditReadRepository repository;
    private final RegisterVersions versions;
    private final ReportProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    ReportService(PolicyEngine engine, RecipientDirectory recipients, AuditReadRepository repository,
                  RegisterVersions versions, ReportProperties properties, ObjectMapper json, Clock clock) {
        this.engine = engine;
        this.recipients = recipients;
        this.repository = repository;
        this.versions = versions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerCurrentPolicySet() {
        ProcessingRegister register = processingRegister();
        log.info("Processing register for policy set {} ({}) is current", register.policySetVersion(),
                register.policySetHash().substring(0, 12));
    }

    /** The register now, with live statistics; its policy part is stored as a version if it is new. */
    public ProcessingRegister processingRegister() {
        ProcessingRegister register = new ProcessingRegisterBuilder(properties.retentionOrEmpty())
                .build(engine.policySet(), recipients.all(), repository.purposeVolumes(), clock.instant());
        if (versions.record(register.policySetVersion(), register.policySetHash(), clock.instant(),
                json.writeValueAsString(RegisterJson.of(register, false)))) {
            log.info("New processing register version stored for policy set {}", register.policySetVersion());
        }
        return register;
    }

    public List<RegisterVersions.Version> registerVersions() {
        return versions.all();
    }

    public SubjectAccessReport subjectAccess(String subjectHash, ReportLanguage language) {
        SubjectAccessReportBuilder builder = new SubjectAccessReportBuilder(
                clientId -> recipients.find(clientId).map(r -> new SubjectAccessReportBuilder.RecipientInfo(
                        r.organisation().code(), r.organisation().name())).orElse(null),
                purposeId -> {
                    Purpose purpose = purposeId == null ? null : engine.policySet().purposes().get(purposeId);
                    return purpose == null ? null : purpose.name();
                });
        return builder.build(repository.search(SearchCriteria.subject(subjectHash), SUBJECT_LIMIT), language,
                clock.instant());
    }
}
