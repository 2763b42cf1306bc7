package nl.verzuimhub.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.server.recipients.RecipientProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The hub's policy wiring refuses to start on an invalid policy set, an unknown switch or a scope that references
 * unknown reference data, and says exactly why; a valid external directory replaces the default set.
 */
class PolicyStartupTest {
    static final String PURPOSES = """
            version: operator-1
            purposes:
              - id: leerplicht
                name: Leerplicht
                legalBasis: Leerplichtwet 1969 art. 21a
                processingActivity: VA-LEERPLICHT
            """;
    static final String RULES = """
            rules:
              - id: ao
                role: ATTENDANCE_OFFICER
                purpose: leerplicht
                kinds: [VERZUIMMELDING]
                scope: { residence: recipient-municipality }
                legalBasis: Leerplichtwet 1969 art. 21a
                fields: { bsn: allow }
            """;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PolicyProperties.class, RecipientProperties.class})
    @Import(PolicyConfiguration.class)
    static class Wiring {
    }

    final ApplicationContextRunner hub = new ApplicationContextRunner().withUserConfiguration(Wiring.class)
            .withPropertyValues("hub.policy.pseudonym-master-key=ZGVtby1vbmx5LXBzZXVkb255bS1tYXN0ZXIta2V5LTAwMDE=",
                    "hub.policy.ggd-regions.ggd-amsterdam-amstelland=0363,0362");

    @Test
    void withoutALocationTheDefaultSetFromTheClasspathIsUsed() {
        hub.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PolicyEngine.class).policySet().version()).isEqualTo(DefaultPolicySet.VERSION);
        });
    }

    @Test
    void aValidExternalDirectoryReplacesTheDefaultSet(@TempDir Path dir) throws IOException {
        write(dir, RULES);
        hub.withPropertyValues("hub.policy.location=" + dir).run(context -> {
            assertThat(context).hasNotFailed();
            PolicyEngine engine = context.getBean(PolicyEngine.class);
            assertThat(engine.policySet().version()).isEqualTo("operator-1");
            assertThat(engine.policySet().contentHash()).matches("[0-9a-f]{64}");
        });
    }

    @Test
    void anInvalidSetStopsTheHubNamingFileLineAndProblem(@TempDir Path dir) throws IOException {
        write(dir, RULES.replace("bsn: allow", "bsnn: allow").replace("purpose: leerplicht", "purpose: handhaving"));
        hub.withPropertyValues("hub.policy.location=" + dir).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("rules.yaml:4: rule ao: unknown purpose 'handhaving'")
                    .hasMessageContaining("rules.yaml:8: unknown field 'bsnn'");
        });
    }

    @Test
    void anUnknownSwitchOrAnUnknownGgdRegionStopsTheHub(@TempDir Path dir) throws IOException {
        hub.withPropertyValues("hub.policy.switches.swv-wettelijke-taak=true", "hub.policy.switches.swv-typo=true")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("switch 'swv-typo' is not declared"));
        write(dir, RULES.replace("{ residence: recipient-municipality }", "{ ggdRegions: [ggd-hollands-noorden] }"));
        hub.withPropertyValues("hub.policy.location=" + dir).run(context -> assertThat(context.getStartupFailure())
                .rootCause().hasMessageContaining("scope references GGD region 'ggd-hollands-noorden'"));
    }

    @Test
    void aMissingDirectoryStopsTheHub() {
        hub.withPropertyValues("hub.policy.location=/nonexistent/policies").run(context -> assertThat(
                context.getStartupFailure()).rootCause().hasMessageContaining("not a directory of policy files"));
    }

    private static void write(Path dir, String rules) throws IOException {
        Files.writeString(dir.resolve("purposes.yaml"), PURPOSES);
        Files.writeString(dir.resolve("rules.yaml"), rules);
    }
}
