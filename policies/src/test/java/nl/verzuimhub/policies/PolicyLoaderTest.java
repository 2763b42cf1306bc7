package nl.verzuimhub.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
    static final String PURPOSES = """
            version: test-1
            purposes:
              - id: leerplicht
                name: Leerplicht
                legalBasis: Lpw art. 21a
                processingActivity: VA-1
            switches:
              - id: swv-wet
                legalBasis: Wetsvoorstel
            """;

    static final String PERMIT = """
            rules:
              - id: ao
                role: ATTENDANCE_OFFICER
                purpose: leerplicht
                kinds: [VERZUIMMELDING]
                scope: { residence: recipient-municipality }
                legalBasis: Lpw art. 21a
                fields: { bsn: allow, periodStart: allow }
            """;

    @Test
    void theDefaultSetLoadsWithTheVersionAndPurposesTheCodeRefersTo() {
        PolicySet set = DefaultPolicySet.policySet();
        assertThat(set.version()).isEqualTo(DefaultPolicySet.VERSION);
        assertThat(set.contentHash()).matches("[0-9a-f]{64}");
        for (var purpose : List.of(DefaultPolicySet.LEERPLICHT, DefaultPolicySet.PASSEND_ONDERWIJS,
                DefaultPolicySet.JEUGDGEZONDHEIDSZORG, DefaultPolicySet.TOEZICHT)) {
            assertThat(set.purposes().get(purpose.id())).isEqualTo(purpose);
        }
        assertThat(set.rules()).allSatisfy(rule -> {
            assertThat(rule.legalBasis()).isNotBlank();
            assertThat(rule.source()).matches("rules\\.yaml:\\d+");
        });
        assertThat(set.switches()).containsKey("swv-wettelijke-taak");
    }

    @Test
    void theContentHashIsTheSha256OfTheCanonicalFilesAndIgnoresLineEndings(@TempDir Path dir) throws IOException {
        write(dir, "a.yaml", PURPOSES);
        write(dir, "b.yaml", PERMIT);
        PolicySet unix = PolicyLoader.load(dir);
        write(dir, "b.yaml", PERMIT.replace("\n", "\r\n"));
        assertThat(PolicyLoader.load(dir).contentHash()).isEqualTo(unix.contentHash());
        write(dir, "b.yaml", PERMIT.replace("periodStart: allow", "periodEnd: allow"));
        assertThat(PolicyLoader.load(dir).contentHash()).isNotEqualTo(unix.contentHash());
        assertThat(unix.contentHash()).isEqualTo(PolicyLoader.contentHash(List.of(
                new PolicySource("a.yaml", PURPOSES.getBytes(StandardCharsets.UTF_8)),
                new PolicySource("b.yaml", PERMIT.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void theDefaultFilesOnTheClasspathAreTheOnesListed() throws IOException {
        for (String name : PolicyLoader.DEFAULT_FILES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("policies/" + name)) {
                assertThat(in).as(name).isNotNull();
            }
        }
    }

    @Test
    void anUnknownFieldIsNamedWithFileAndLine() {
        assertProblem(PERMIT.replace("bsn: allow", "bsnn: allow"), "rules.yaml:8: unknown field 'bsnn'");
    }

    @Test
    void anUnknownPurposeIsNamedWithFileAndLine() {
        assertProblem(PERMIT.replace("purpose: leerplicht", "purpose: marketing"),
                "rules.yaml:4: rule ao: unknown purpose 'marketing'");
    }

    @Test
    void anUnknownKeyRoleKindOrTreatmentIsNamed() {
        assertProblem(PERMIT.replace("    purpose:", "    purpse: x\n    purpose:"), "rules.yaml:4: unknown key 'purpse'");
        assertProblem(PERMIT.replace("ATTENDANCE_OFFICER", "LEERPLICHT"), "rules.yaml:3: unknown role 'LEERPLICHT'");
        assertProblem(PERMIT.replace("[VERZUIMMELDING]", "[VERZUIMMELDINGEN]"), "unknown record kind 'VERZUIMMELDINGEN'");
        assertProblem(PERMIT.replace("bsn: allow", "bsn: hide"), "rules.yaml:8: rule ao: unknown treatment 'hide'");
        assertProblem(PERMIT.replace("bsn: allow", "periodEnd: birthYear"), "birthYear cannot be applied to periodEnd");
        assertProblem(PERMIT.replace("recipient-municipality", "recipient-city"), "unknown residence scope 'recipient-city'");
    }

    @Test
    void aPermitThatCanNeverMatchIsRefused() {
        assertProblem(PERMIT.replace("{ residence: recipient-municipality }",
                        "{ residence: recipient-municipality, age: { min: 18, max: 12 } }"),
                "rules.yaml:6: rule ao: empty age range 18..12");
        assertProblem(PERMIT.replace("[VERZUIMMELDING]", "[ZIEKMELDING]").replace("{ residence: recipient-municipality }",
                "{ statuses: [GEREGISTREERD] }"), "rule ao can never match a ZIEKMELDING: ZIEKMELDING has no status");
        assertProblem(PERMIT.replace("{ residence: recipient-municipality }", "{ statuses: [ACTIEF] }"),
                "rule ao can never match a VERZUIMMELDING: VERZUIMMELDING never has status [ACTIEF]");
        assertProblem(PERMIT.replace("{ residence: recipient-municipality }",
                "{ residence: recipient-municipality, school: recipient-partnership }"), "rule ao can never match");
        assertProblem(PERMIT.replace("bsn: allow", "grounds: allow"),
                "rules.yaml:2: rule ao: field grounds never occurs in [VERZUIMMELDING]");
    }

    @Test
    void twoPermitsWhoseOutcomeDependsOnTheirOrderAreRefused() {
        String second = PERMIT.substring(PERMIT.indexOf("  - id")).replace("id: ao", "id: ao-2")
                .replace("periodStart: allow", "periodEnd: allow");
        assertProblem(PERMIT + second, "rules.yaml:9: rules ao (rules.yaml:2) and ao-2 overlap for role ATTENDANCE_OFFICER");
        String disjoint = second.replace("{ residence: recipient-municipality }",
                "{ residence: recipient-municipality, statuses: [AFGESLOTEN] }");
        String first = PERMIT.replace("{ residence: recipient-municipality }",
                "{ residence: recipient-municipality, statuses: [GEREGISTREERD] }");
        assertThat(PolicyLoader.load(List.of(source("a.yaml", PURPOSES), source("rules.yaml", first + disjoint)))
                .permits()).hasSize(2);
    }

    @Test
    void aSwitchOrPurposeFieldThatIsNotDeclaredIsRefused() {
        assertProblem(PERMIT.replace("    legalBasis: Lpw", "    identifiableWith: nope\n    legalBasis: Lpw"),
                "unknown switch 'nope'");
        assertThatThrownBy(() -> load(PURPOSES.replace("processingActivity: VA-1",
                "processingActivity: VA-1\n    fields: [periodStart]"), PERMIT))
                .hasMessageContaining("rule ao discloses bsn, which purpose leerplicht does not allow");
    }

    @Test
    void brokenYamlAndAMissingVersionAreReportedWithTheirPlace() {
        assertProblem(PERMIT.replace("kinds: [VERZUIMMELDING]", "kinds: [VERZUIMMELDING"), "rules.yaml:");
        assertThatThrownBy(() -> load(PURPOSES.replace("version: test-1\n", ""), PERMIT))
                .hasMessageContaining("no file declares the policy set's version");
    }

    @Test
    void scopesThatReferenceUnknownRegionsOrPartnershipsStopTheEngine() {
        PolicySet set = load(PURPOSES, PERMIT.replace("{ residence: recipient-municipality }",
                "{ ggdRegions: [ggd-nowhere], partnerships: [VO9999] }"));
        RegionDirectory regions = new RegionDirectory(Map.of("ggd-amsterdam-amstelland", Set.of("0363")), Map.of(),
                Set.of("VO2701"));
        assertThatThrownBy(() -> new PolicyEngine(set, regions, new Pseudonymiser(new byte[32])))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("rules.yaml:2: rule ao: scope references GGD region 'ggd-nowhere'")
                .hasMessageContaining("samenwerkingsverband 'VO9999'");
        assertThatThrownBy(() -> new PolicyEngine(load(PURPOSES, PERMIT), regions, new Pseudonymiser(new byte[32]),
                Set.of("swv-wet", "typo"))).hasMessageContaining("switch 'typo' is not declared");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        PolicyValidationException e = (PolicyValidationException) org.assertj.core.api.Assertions.catchThrowable(
                () -> load(PURPOSES, PERMIT.replace("bsn: allow", "bsnn: allow").replace("purpose: leerplicht",
                        "purpose: marketing")));
        assertThat(e.problems()).hasSize(2).extracting(PolicyProblem::line).containsExactly(4, 8);
    }

    private static void assertProblem(String rules, String expected) {
        assertThatThrownBy(() -> load(PURPOSES, rules)).isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining(expected);
    }

    static PolicySet load(String purposes, String rules) {
        return PolicyLoader.load(List.of(source("a.yaml", purposes), source("rules.yaml", rules)));
    }

    private static PolicySource source(String name, String text) {
        return new PolicySource(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
