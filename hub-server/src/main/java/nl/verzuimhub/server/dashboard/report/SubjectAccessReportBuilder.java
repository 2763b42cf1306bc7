package nl.verzuimhub.server.dashboard.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.verzuimhub.server.dashboard.search.DashboardEntry;
import nl.verzuimhub.server.outbox.PushAudit;

/**
 * Turns a subject's audit entries into the subject-access report: only what reached a recipient (DISCLOSE) or was
 * withdrawn from one (RETRACT), grouped by organisation in order of first disclosure, each line in time order, in
 * plain words. The hub's own look-ups (searches by the privacy officer) are not disclosures and are left out; so are
 * a push's "queued" entry and a dead-lettered one ({@link PushAudit#reachedRecipient}): a pushed item is listed once,
 * when the recipient acknowledged it.
 */
public final class SubjectAccessReportBuilder {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What the report needs to know about a recipient: its organisation's code and name. */
    public record RecipientInfo(String organisationCode, String organisationName) {
    }

    private final Function<String, RecipientInfo> recipients;
    private final Function<String, String> purposeNames;

    /**
     * @param recipients   recipient (client) id to its organisation; null for an unknown recipient
     * @param purposeNames purpose id to the policy set's name; null when unknown
     */
    public SubjectAccessReportBuilder(Function<String, RecipientInfo> recipients, Function<String, String> purposeNames) {
        this.recipients = recipients;
        this.purposeNames = purposeNames;
    }

    public SubjectAccessReport build(List<DashboardEntry> entries, ReportLanguage language, Instant generatedAt) {
        Map<String, List<SubjectAccessReport.Line>> lines = new LinkedHashMap<>();
        Map<String, String[]> heads = new LinkedHashMap<>();
        long disclosures = 0;
        List<DashboardEntry> sorted = new ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparing(DashboardEntry::occurredAt).thenComparing(DashboardEntry::id));
        for (DashboardEntry entry : sorted) {
            boolean disclosureOrRetraction = "DISCLOSE".equals(entry.action()) || "RETRACT".equals(entry.action());
            if (!disclosureOrRetraction
                    || !PushAudit.reachedRecipient(entry.channel(), entry.outcome(), entry.reason())) {
                continue;
            }
            if ("DISCLOSE".equals(entry.action())) {
                disclosures++;
            }
            RecipientInfo info = recipients.apply(entry.recipientId());
            String code = info != null ? info.organisationCode()
                    : entry.organisation() != null ? entry.organisation() : String.valueOf(entry.recipientId());
            String name = info != null ? info.organisationName() : code;
            heads.putIfAbsent(code, new String[]{name, PlainLanguage.role(entry.role(), language)});
            List<String> data = entry.fields() == null ? List.of()
                    : entry.fields().stream().map(field -> PlainLanguage.field(field, language)).toList();
            lines.computeIfAbsent(code, c -> new ArrayList<>()).add(new SubjectAccessReport.Line(
                    WHEN.format(entry.occurredAt().atZone(ZONE)), PlainLanguage.action(entry.action(), language),
                    recordName(entry.recordKind(), language), data,
                    PlainLanguage.purpose(entry.purposeId(), purposeNames.apply(entry.purposeId()), language),
                    entry.legalBasis()));
        }
        List<SubjectAccessReport.Organisation> organisations = new ArrayList<>();
        heads.forEach((code, head) -> organisations.add(new SubjectAccessReport.Organisation(code, head[0], head[1],
                lines.get(code))));
        return new SubjectAccessReport(language, generatedAt, organisations, disclosures);
    }

    static String recordName(String kind, ReportLanguage language) {
        if (kind == null) {
            return "";
        }
        boolean nl = language == ReportLanguage.NL;
        switch (kind) {
            case "VERZUIMMELDING":
                return nl ? "verzuimmelding" : "absence report";
            case "VRIJSTELLING":
                return nl ? "vrijstelling" : "exemption from compulsory education";
            case "ZIEKMELDING":
                return nl ? "ziekmelding" : "sick report";
            case "ABSOLUUT_VERZUIM":
                return nl ? "niet ingeschreven op een school (absoluut verzuim)" : "not enrolled at any school";
            default:
                return kind;
        }
    }
}
