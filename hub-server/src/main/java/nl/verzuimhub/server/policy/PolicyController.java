package nl.verzuimhub.server.policy;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.recipient.Purpose;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.policies.Decision;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.policies.Deny;
import nl.verzuimhub.policies.Explanation;
import nl.verzuimhub.policies.Permit;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.policies.PolicyLoader;
import nl.verzuimhub.policies.PolicySet;
import nl.verzuimhub.policies.PolicySource;
import nl.verzuimhub.policies.PolicyValidationException;
import nl.verzuimhub.policies.Pseudonymiser;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import nl.verzuimhub.server.register.StoredRecords;
import nl.verzuimhub.server.security.Callers;
import nl.verzuimhub.server.web.BadRequestException;
import nl.verzuimhub.server.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Explain and dry run (role PRIVACY_OFFICER only, enforced by the security chain): what a recipient would see of a
 * stored record under a purpose, and why, against the live policy set or a candidate one. The answer names rules,
 * fields and treatments, never values, and nothing reaches the recipient. Every answer is first written to the audit
 * log (action EXPLAIN, the subject as its keyed hash).
 */
@RestController
class PolicyController {
    private final PolicyEngine engine;
    private final Pseudonymiser pseudonymiser;
    private final RecipientDirectory recipients;
    private final StoredRecords records;
    private final AuditLog auditLog;
    private final SubjectHasher subjectHasher;
    private final Callers callers;
    private final Clock clock;

    PolicyController(PolicyEngine engine, Pseudonymiser pseudonymiser, RecipientDirectory recipients,
                     StoredRecords records, AuditLog auditLog, SubjectHasher subjectHasher, Callers callers,
                     Clock clock) {
        this.engine = engine;
        this.pseudonymiser = pseudonymiser;
        this.recipients = recipients;
        this.records = records;
        this.auditLog = auditLog;
        this.subjectHasher = subjectHasher;
        this.callers = callers;
        this.clock = clock;
    }

    record PolicySetInfo(String version, String contentHash, boolean candidate) {
    }

    record ExplainResponse(String decision, String reason, String explanation, String ruleId, List<String> ruleIds,
                           List<String> disclosedFields, String decisionId, PolicySetInfo policySet,
                           List<Explanation.RuleOutcome> rules, List<Explanation.FieldOutcome> fields) {
    }

    @Operation(summary = "Explain a decision (dry run)", description = "What would the recipient see of the stored"
            + " record under the purpose, and why: decision, rule ids, each field's treatment and why dropped fields"
            + " were dropped. Optionally against a candidate policy set. No values are returned and nothing is"
            + " disclosed to the recipient; the question is audited (EXPLAIN).")
    @PostMapping("/api/v1/policy/explain")
    ExplainResponse explain(@AuthenticationPrincipal Jwt token, @RequestBody ExplainRequest request) {
        require(request.recipient(), "recipient");
        require(request.recordId(), "recordId");
        require(request.purpose(), "purpose");
        Recipient recipient = recipients.find(request.recipient()).orElseThrow(() -> new BadRequestException(
                "unknown recipient '" + request.recipient() + "'; known: "
                        + recipients.all().stream().map(Recipient::clientId).sorted().toList()));
        boolean candidate = request.candidatePolicySet() != null || request.candidateFiles() != null;
        PolicyEngine deciding = candidate ? candidateEngine(request) : engine;
        if (!deciding.policySet().purposes().containsKey(request.purpose())) {
            throw new BadRequestException("unknown purpose '" + request.purpose() + "' in policy set "
                    + deciding.policySet().version() + "; known: " + deciding.policySet().purposes().keySet());
        }
        RecordKind kind = kind(request.kind());
        List<StoredRecords.Stored> found = records.find(kind, request.recordId());
        if (found.isEmpty()) {
            throw new NotFoundException("no stored record '" + request.recordId() + "'"
                    + (kind == null ? "" : " of kind " + kind) + " (unknown, or withdrawn and erased)");
        }
        if (found.size() > 1) {
            throw new BadRequestException("record id '" + request.recordId() + "' exists for several kinds; name one in"
                    + " `kind`: " + found.stream().map(s -> s.record().kind().name()).toList());
        }
        var record = found.get(0).record();
        Explanation explanation = deciding.explain(record, recipient, request.purpose(), records.facts());
        Decision decision = explanation.decision();
        List<String> disclosed = decision instanceof Permit permit
                ? permit.view().fields().stream().map(f -> f.jsonName()).toList() : List.of();
        PolicySet set = deciding.policySet();
        audit(token, record, recipient, request.purpose(), decision, disclosed, set, candidate);
        if (decision instanceof Permit permit) {
            return new ExplainResponse("PERMIT", null, "permitted by " + permit.ruleId(), permit.ruleId(),
                    permit.ruleIds(), disclosed, permit.decisionId(),
                    new PolicySetInfo(set.version(), set.contentHash(), candidate), explanation.rules(),
                    explanation.fields());
        }
        Deny deny = (Deny) decision;
        return new ExplainResponse("DENY", deny.reason().name(), deny.explanation(), null, deny.ruleIds(), disclosed,
                deny.decisionId(), new PolicySetInfo(set.version(), set.contentHash(), candidate), explanation.rules(),
                explanation.fields());
    }

    private PolicyEngine candidateEngine(ExplainRequest request) {
        List<PolicySource> sources = new ArrayList<>();
        if (request.candidatePolicySet() != null) {
            sources.add(new PolicySource("candidate.yaml", request.candidatePolicySet().getBytes(StandardCharsets.UTF_8)));
        }
        if (request.candidateFiles() != null) {
            for (Map.Entry<String, String> file : request.candidateFiles().entrySet()) {
                sources.add(new PolicySource(file.getKey(), String.valueOf(file.getValue()).getBytes(StandardCharsets.UTF_8)));
            }
        }
        try {
            PolicySet set = PolicyLoader.load(sources);
            Set<String> switches = new HashSet<>(engine.enabledSwitches());
            switches.retainAll(set.switches().keySet());
            return new PolicyEngine(set, engine.regions(), pseudonymiser, switches);
        } catch (PolicyValidationException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "the candidate policy set is invalid: " + e.getMessage());
            problem.setProperty("problems", e.problems().stream().map(p -> Map.of("file", p.file(), "line", p.line(),
                    "message", p.message())).toList());
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
        }
    }

    private void audit(Jwt token, nl.verzuimhub.core.record.RegisterRecord record, Recipient recipient,
                       String purposeId, Decision decision, List<String> disclosed, PolicySet set, boolean candidate) {
        Recipient officer = callers.recipient(token).orElse(null);
        Purpose toezicht = engine.policySet().purposes().getOrDefault(DefaultPolicySet.TOEZICHT.id(),
                DefaultPolicySet.TOEZICHT);
        String outcome = decision instanceof Deny deny ? "DENY " + deny.reason() : "PERMIT";
        String detail = "explain: recipient=" + recipient.clientId() + " purpose=" + purposeId + " decision=" + outcome
                + " set=" + (candidate ? "candidate " : "live ") + set.version() + " sha256=" + set.contentHash();
        auditLog.append(List.of(new AuditEvent(clock.instant(), AuditAction.EXPLAIN, AuditOutcome.SUCCESS,
                AuditChannel.API, Callers.clientId(token), officer == null ? null : officer.organisation().code(),
                officer == null ? null : officer.role().name(), toezicht.id(), toezicht.legalBasis(),
                decision instanceof Permit permit ? permit.ruleId() : null, set.version(), decision.decisionId(),
                record.kind().name(), record.id(), record.version(),
                subjectHasher.hash(record.pupil().identifier().value()), disclosed, detail)));
    }

    private static RecordKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return RecordKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unknown kind '" + kind + "'; known: " + List.of(RecordKind.values()));
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("`" + name + "` is required");
        }
    }
}
