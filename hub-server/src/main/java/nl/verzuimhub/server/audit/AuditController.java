package nl.verzuimhub.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import nl.verzuimhub.core.identity.ElevenTest;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEntry;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.dpia.AuditQuery;
import nl.verzuimhub.dpia.ChainExport;
import nl.verzuimhub.dpia.Checkpoint;
import nl.verzuimhub.dpia.Ed25519Keys;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.dpia.VerificationResult;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.server.security.Callers;
import nl.verzuimhub.server.web.BadRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The privacy officer's view of the audit log (role PRIVACY_OFFICER only, enforced by the security chain). Every
 * search is itself written to the log, before its results are returned.
 */
@RestController
class AuditController {
    static final int MAX_LIMIT = 1000;

    private final AuditLog auditLog;
    private final SubjectHasher subjectHasher;
    private final Callers callers;
    private final Clock clock;
    private final AuditExport exports;
    private final CheckpointService checkpoints;
    private final CheckpointSigner signer;

    AuditController(AuditLog auditLog, SubjectHasher subjectHasher, Callers callers, Clock clock, AuditExport exports,
                    CheckpointService checkpoints, CheckpointSigner signer) {
        this.auditLog = auditLog;
        this.subjectHasher = subjectHasher;
        this.callers = callers;
        this.clock = clock;
        this.exports = exports;
        this.checkpoints = checkpoints;
        this.signer = signer;
    }

    /** A signed checkpoint as the API shows it; hashes and keys in hex/base64. */
    record CheckpointView(long id, long lastEntryId, String lastHash, Instant signedAt, String keyId,
                          String signature) {
        static CheckpointView of(Checkpoint c) {
            return new CheckpointView(c.id(), c.lastEntryId(), HexFormat.of().formatHex(c.lastHash()), c.signedAt(),
                    c.keyId(), Base64.getEncoder().encodeToString(c.signature()));
        }
    }

    record Checkpoints(String algorithm, String keyId, String publicKey, String signedText,
                       List<CheckpointView> checkpoints) {
    }

    record EntriesPage(List<AuditEntryView> entries, String next) {
    }

    record Verification(boolean valid, long entries, Long firstInvalid, String problem) {
    }

    @Operation(summary = "Search the audit log", description = "By data subject (BSN or onderwijsnummer, looked up"
            + " through its keyed hash), recipient and period [from, to). The search is itself audited.")
    @GetMapping("/api/v1/audit/entries")
    EntriesPage entries(@AuthenticationPrincipal Jwt token,
                        @Parameter(description = "BSN or onderwijsnummer of the data subject") @RequestParam(required = false) String subject,
                        @Parameter(description = "client id of a recipient") @RequestParam(required = false) String recipient,
                        @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
                        @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) String to,
                        @Parameter(description = "entry id to continue after") @RequestParam(defaultValue = "0") long after,
                        @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        String subjectHash = null;
        if (subject != null) {
            if (!ElevenTest.isValidBsn(subject) && !ElevenTest.isValidOnderwijsnummer(subject)) {
                throw new BadRequestException("subject must be a valid BSN or onderwijsnummer (9 digits passing the check)");
            }
            subjectHash = subjectHasher.hash(subject);
        }
        AuditQuery query = new AuditQuery(subjectHash, recipient, instant("from", from), instant("to", to), after, limit);
        recordSearch(token, query);
        List<AuditEntry> entries = auditLog.find(query);
        String next = entries.isEmpty() ? Long.toString(after) : Long.toString(entries.get(entries.size() - 1).id());
        String only = query.subjectHash();
        return new EntriesPage(entries.stream().flatMap(entry -> AuditEntryView.of(entry, only).stream()).toList(),
                next);
    }

    @Operation(summary = "Verify the hash chain", description = "Recomputes every entry's hash from the first one.")
    @GetMapping("/api/v1/audit/verify")
    Verification verify() {
        VerificationResult result = auditLog.verify();
        return new Verification(result.valid(), result.entries(), result.firstInvalid(), result.problem());
    }

    @Operation(summary = "Export the audit log", description = "format=logboek: the entries of [from, to) as Logboek"
            + " Dataverwerkingen records (JSON array). format=chain: every checkpoint and the whole chain in the"
            + " verification export format, for the standalone verifier (from/to do not apply); format=chain-binary:"
            + " the same in binary, the verifier's fast path. The export is itself"
            + " audited (EXPORT) before any data is sent.")
    @GetMapping("/api/v1/audit/export")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Jwt token,
                                                 @RequestParam String format,
                                                 @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
                                                 @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!format.equals("logboek") && !format.equals("chain") && !format.equals("chain-binary")) {
            throw new BadRequestException("format must be logboek, chain or chain-binary, was " + format);
        }
        if (format.startsWith("chain") && (from != null || to != null)) {
            throw new BadRequestException("format=chain exports the whole chain: leave out from and to");
        }
        Recipient officer = callers.recipient(token).orElse(null);
        auditLog.append(List.of(oversight(token, officer, AuditAction.EXPORT)
                .reason("export: format=" + format + " from=" + start + " to=" + end).build()));
        if (format.equals("chain-binary")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=verzuimhub-audit-chain.bin")
                    .body(exports::chainBinary);
        }
        if (format.equals("chain")) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=verzuimhub-audit-chain.txt")
                    .body(exports::chain);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=verzuimhub-logboek.json")
                .body(out -> exports.logboek(start, end, out));
    }

    @Operation(summary = "Signed checkpoints of the chain", description = "Every checkpoint, with the public key"
            + " (X.509, base64) that verifies them. format=lines gives the lines the standalone verifier reads.")
    @GetMapping("/api/v1/audit/checkpoints")
    ResponseEntity<?> checkpoints(@RequestParam(required = false) String format) {
        List<Checkpoint> all = checkpoints.all();
        if ("lines".equals(format)) {
            java.io.StringWriter text = new java.io.StringWriter();
            ChainExport.LineWriter lines = new ChainExport.LineWriter(text);
            all.forEach(lines::checkpoint);
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text.toString());
        }
        if (format != null) {
            throw new BadRequestException("format must be lines or absent, was " + format);
        }
        return ResponseEntity.ok(new Checkpoints(Checkpoint.ALGORITHM, signer.keyId(),
                Ed25519Keys.encode(signer.publicKey()),
                "verzuimhub-audit-checkpoint/1\n<lastEntryId>\n<lastHash hex>\n<signedAt ISO-8601>\n<keyId>\n",
                all.stream().map(CheckpointView::of).toList()));
    }

    @Operation(summary = "Sign the chain head now", description = "Signs the last committed entry's hash.")
    @PostMapping("/api/v1/audit/checkpoints")
    ResponseEntity<CheckpointView> checkpointNow() {
        return ResponseEntity.status(HttpStatus.CREATED).body(CheckpointView.of(checkpoints.checkpoint()));
    }

    private AuditEvent.Builder oversight(Jwt token, Recipient officer, AuditAction action) {
        return AuditEvent.builder(clock.instant(), action, AuditOutcome.SUCCESS).channel(AuditChannel.API)
                .recipientId(Callers.clientId(token))
                .organisation(officer == null ? null : officer.organisation().code())
                .role(officer == null ? null : officer.role().name())
                .purposeId(DefaultPolicySet.TOEZICHT.id()).legalBasis(DefaultPolicySet.TOEZICHT.legalBasis());
    }

    private void recordSearch(Jwt token, AuditQuery query) {
        Recipient officer = callers.recipient(token).orElse(null);
        String criteria = "search: subject=" + (query.subjectHash() == null ? "-" : "hash") + " recipient="
                + (query.recipientId() == null ? "-" : query.recipientId()) + " from=" + query.from() + " to=" + query.to();
        auditLog.append(List.of(new AuditEvent(clock.instant(), AuditAction.SEARCH, AuditOutcome.SUCCESS,
                AuditChannel.API, Callers.clientId(token), officer == null ? null : officer.organisation().code(),
                officer == null ? null : officer.role().name(), DefaultPolicySet.TOEZICHT.id(),
                DefaultPolicySet.TOEZICHT.legalBasis(), null, null, null, null, null, null, query.subjectHash(), null,
                criteria)));
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2024-10-01T00:00:00Z");
        }
    }
}
