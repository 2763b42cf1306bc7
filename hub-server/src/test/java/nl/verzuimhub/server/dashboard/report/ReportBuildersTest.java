package nl.verzuimhub.server.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.recipient.Organisation;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.policies.PolicySet;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.PurposeVolume;
import nl.verzuimhub.server.dashboard.search.DashboardEntry;
import nl.verzuimhub.server.outbox.PushAudit;
import org.junit.jupiter.api.Test;

class ReportBuildersTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final List<Recipient> RECIPIENTS = List.of(
            new Recipient("leerplicht-0363", new Organisation(OrganisationType.MUNICIPALITY, "0363",
                    "Gemeente Amsterdam, leerplicht"), RecipientRole.ATTENDANCE_OFFICER, List.of("leerplicht")),
            new Recipient("jgz", new Organisation(OrganisationType.GGD_REGION, "ggd", "GGD"),
                    RecipientRole.YOUTH_DOCTOR, List.of("jeugdgezondheidszorg")),
            new Recipient("swv", new Organisation(OrganisationType.PARTNERSHIP, "VO2701", "SWV"),
                    RecipientRole.PARTNERSHIP, List.of("passend-onderwijs")));

    @Test
    void theRegisterMarksHealthDataAndCountsVolumesPerRecipientAndPurpose() {
        ProcessingRegister register = new ProcessingRegisterBuilder(Map.of("leerplicht", "tot 19 jaar"))
                .build(DefaultPolicySet.policySet(), RECIPIENTS, List.of(
                        new PurposeVolume("leerplicht-0363", "leerplicht", "DISCLOSE", 7),
                        new PurposeVolume("leerplicht-0363", "leerplicht", "DENY", 2),
                        new PurposeVolume("jgz", "jeugdgezondheidszorg", "DISCLOSE", 3)), NOW);

        assertThat(register.policySetVersion()).isEqualTo(DefaultPolicySet.VERSION);
        var byPurpose = new java.util.HashMap<String, ProcessingRegister.Activity>();
        register.activities().forEach(a -> byPurpose.put(a.purposeId(), a));
        var jgz = byPurpose.get("jeugdgezondheidszorg");
        assertThat(jgz.specialCategories()).isTrue();
        assertThat(jgz.dataCategories()).allSatisfy(c -> assertThat(c.special()).isTrue());
        assertThat(jgz.dpvLegalBasis()).contains("A9-2-h");
        var partnership = byPurpose.get("passend-onderwijs");
        assertThat(partnership.specialCategories()).isFalse();
        assertThat(partnership.measures()).anySatisfy(m -> assertThat(m).startsWith("Verbod forbid.free-text-and-grounds"));
        assertThat(partnership.dataCategories()).extracting(ProcessingRegister.DataCategory::field)
                .doesNotContain("suspectedReason", "schoolAction", "grounds");
        assertThat(partnership.dataCategories()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("bsn");
            assertThat(c.treatment()).isEqualTo("PSEUDONYMISE");
            assertThat(c.dpvCategory()).isEqualTo("dpv:PseudonymisedData");
        });
        assertThat(byPurpose.get("statistiek").measures()).as("statistics are aggregates, suppressed below 5")
                .anySatisfy(m -> assertThat(m).startsWith("Alleen geaggregeerde tellingen"))
                .anySatisfy(m -> assertThat(m).startsWith("Cellen onder 5 onderdrukt"))
                .noneSatisfy(m -> assertThat(m).startsWith("Geen verstrekking"));
        assertThat(byPurpose.get("toezicht").measures()).singleElement().asString().startsWith("Geen verstrekking");
        var leerplicht = byPurpose.get("leerplicht");
        assertThat(leerplicht.specialCategories()).isTrue(); // free text and exemption grounds
        assertThat(leerplicht.dataCategories()).filteredOn(ProcessingRegister.DataCategory::special)
                .extracting(ProcessingRegister.DataCategory::field)
                .containsExactlyInAnyOrder("suspectedReason", "schoolAction", "grounds");
        assertThat(leerplicht.retention()).isEqualTo("tot 19 jaar");
        assertThat(leerplicht.disclosures()).isEqualTo(7);
        assertThat(leerplicht.denials()).isEqualTo(2);
        assertThat(leerplicht.recipients()).singleElement().satisfies(r -> {
            assertThat(r.disclosures()).isEqualTo(7);
            assertThat(r.denials()).isEqualTo(2);
        });
        assertThat(byPurpose.get("toezicht").dataCategories()).isEmpty();

        Map<String, Object> json = RegisterJson.of(register, true);
        assertThat(json).containsKeys("@context", "dpv:hasDataController", "processingActivities");
        Map<String, Object> snapshot = RegisterJson.of(register, false);
        assertThat(snapshot).doesNotContainKey("generatedAt");
        assertThat(snapshot.toString()).doesNotContain("disclosures=");
        assertThat(DpiaAssessment.risks(register, 2)).extracting(DpiaAssessment.Risk::level).contains("hoog", "signaal");
    }

    @Test
    void theFingerprintChangesWithAnyRuleButNotWithTheVersionLabel() {
        PolicySet base = DefaultPolicySet.policySet();
        String hash = PolicyFingerprint.of(base);
        assertThat(PolicyFingerprint.of(new PolicySet("another-label", base.contentHash(), base.purposes(), base.purposeFields(), base.switches(), base.rules()))).isEqualTo(hash);
        List<nl.verzuimhub.policies.DisclosureRule> fewer = new ArrayList<>(base.rules());
        fewer.remove(0);
        assertThat(PolicyFingerprint.of(new PolicySet(base.version(), base.contentHash(), base.purposes(), base.purposeFields(), base.switches(), fewer))).isNotEqualTo(hash);
        var rule = base.rules().get(1);
        var narrower = new java.util.EnumMap<nl.verzuimhub.core.disclosure.DataField, nl.verzuimhub.policies.FieldTreatment>(rule.fields());
        narrower.remove(nl.verzuimhub.core.disclosure.DataField.GRADE);
        List<nl.verzuimhub.policies.DisclosureRule> changed = new ArrayList<>(base.rules());
        changed.set(1, nl.verzuimhub.policies.DisclosureRule.permit(rule.id(), rule.role(), rule.purposeId(), rule.kinds(),
                rule.scope(), narrower, rule.legalBasis()));
        assertThat(PolicyFingerprint.of(new PolicySet(base.version(), base.contentHash(), base.purposes(), base.purposeFields(), base.switches(), changed))).isNotEqualTo(hash);
    }

    @Test
    void theSubjectAccessReportListsDisclosuresPerOrganisationInPlainWordsAndLeavesOutLookUps() {
        List<DashboardEntry> entries = List.of(
                entry(3, "2026-10-02T08:00:00Z", "DISCLOSE", "jgz", "YOUTH_DOCTOR", "jeugdgezondheidszorg",
                        "ZIEKMELDING", List.of("bsn", "periodStart")),
                entry(1, "2026-10-01T08:00:00Z", "DISCLOSE", "leerplicht-0363", "ATTENDANCE_OFFICER", "leerplicht",
                        "VERZUIMMELDING", List.of("bsn", "hours")),
                entry(2, "2026-10-01T09:00:00Z", "SEARCH", "verzuimhub-dashboard", "PRIVACY_OFFICER", "toezicht", null, null),
                entry(4, "2026-10-03T08:00:00Z", "RETRACT", "leerplicht-0363", "ATTENDANCE_OFFICER", "leerplicht",
                        "VERZUIMMELDING", List.of()));
        SubjectAccessReportBuilder builder = new SubjectAccessReportBuilder(id -> RECIPIENTS.stream()
                .filter(r -> r.clientId().equals(id)).findFirst()
                .map(r -> new SubjectAccessReportBuilder.RecipientInfo(r.organisation().code(), r.organisation().name()))
                .orElse(null), id -> null);

        SubjectAccessReport dutch = builder.build(entries, ReportLanguage.NL, NOW);
        assertThat(dutch.disclosures()).isEqualTo(2);
        assertThat(dutch.organisations()).extracting(SubjectAccessReport.Organisation::name)
                .containsExactly("Gemeente Amsterdam, leerplicht", "GGD");
        var leerplicht = dutch.organisations().get(0);
        assertThat(leerplicht.role()).isEqualTo("leerplichtambtenaar");
        assertThat(leerplicht.lines()).extracting(SubjectAccessReport.Line::date)
                .containsExactly("2026-10-01 10:00", "2026-10-03 10:00");
        assertThat(leerplicht.lines().get(0).data()).containsExactly("burgerservicenummer (BSN)", "aantal uren");
        assertThat(leerplicht.lines().get(0).purpose()).isEqualTo("Handhaving van de leerplicht");
        assertThat(leerplicht.lines().get(1).action()).startsWith("ingetrokken");

        SubjectAccessReport english = builder.build(entries, ReportLanguage.EN, NOW);
        assertThat(english.organisations().get(1).lines().get(0).record()).isEqualTo("sick report");
        assertThat(english.organisations().get(1).lines().get(0).data()).containsExactly(
                "citizen service number (BSN)", "start date");
    }

    @Test
    void theSubjectAccessReportListsAPushedItemOnceWhenDeliveredAndNotOneQueuedOrDeadLettered() {
        DashboardEntry delivered = entry(1, "2026-10-01T08:00:00Z", "DISCLOSE", "leerplicht-0363",
                "ATTENDANCE_OFFICER", "leerplicht", "VERZUIMMELDING", List.of("bsn"));
        List<DashboardEntry> entries = List.of(
                push(delivered, 1, "SUCCESS", "push queued via webhook: 1 item"),
                push(delivered, 2, "SUCCESS", "push delivered via webhook: batch 7, 1 item, Idempotency-Key k, HTTP 200"),
                push(delivered, 3, "SUCCESS", "push queued via webhook: 1 item"),
                push(delivered, 4, "FAILED", "push dead-lettered via webhook: batch 8, 1 item, Idempotency-Key l,"
                        + " after 12 attempts, last: HTTP 503"));
        SubjectAccessReportBuilder builder = new SubjectAccessReportBuilder(id -> null, id -> null);

        SubjectAccessReport report = builder.build(entries, ReportLanguage.NL, NOW);

        assertThat(report.disclosures()).isEqualTo(1);
        assertThat(report.organisations()).singleElement().satisfies(organisation ->
                assertThat(organisation.lines()).hasSize(1));
        assertThat(PushAudit.reachedRecipient("FEED", "SUCCESS", "push queued")).as("only push entries").isTrue();
    }

    private static DashboardEntry push(DashboardEntry e, long id, String outcome, String reason) {
        return new DashboardEntry(id, e.occurredAt().plusSeconds(id), e.action(), outcome, "PUSH", e.recipientId(),
                e.organisation(), e.role(), e.purposeId(), e.legalBasis(), e.policyId(), e.policyVersion(),
                e.decisionId(), e.recordKind(), e.recordId(), e.recordVersion(), e.subjectHash(), e.fields(), reason,
                null, null, null, null, null);
    }

    static DashboardEntry entry(long id, String at, String action, String recipient, String role, String purpose,
                                String kind, List<String> fields) {
        return new DashboardEntry(id, Instant.parse(at), action, "SUCCESS", "FEED", recipient, null, role, purpose,
                "basis " + purpose, null, null, null, kind, kind == null ? null : "r" + id, kind == null ? null : 1,
                "hash", fields, null, null, null, null, null, null);
    }
}
