package nl.verzuimhub.server.policy;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.policies.PolicyLoader;
import nl.verzuimhub.policies.PolicySet;
import nl.verzuimhub.policies.Pseudonymiser;
import nl.verzuimhub.policies.RegionDirectory;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import nl.verzuimhub.server.recipients.RecipientProperties;
import nl.verzuimhub.server.security.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy engine with the policy set from {@code hub.policy.location} (default: the classpath set), and the
 * recipients checked against it. An invalid set, an unknown switch or a scope that references unknown reference
 * data throws here, so the hub refuses to start and says why.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    RegionDirectory regionDirectory(PolicyProperties properties) {
        return new RegionDirectory(properties.ggdRegions(), properties.rmcRegions(), properties.partnerships());
    }

    @Bean
    Pseudonymiser pseudonymiser(PolicyProperties properties) {
        return new Pseudonymiser(Keys.decode("hub.policy.pseudonym-master-key", properties.pseudonymMasterKey()));
    }

    @Bean
    PolicyEngine policyEngine(PolicyProperties properties, RegionDirectory regions, Pseudonymiser pseudonymiser) {
        PolicySet set = properties.location() == null || properties.location().isBlank()
                ? DefaultPolicySet.policySet() : PolicyLoader.load(Path.of(properties.location()));
        Set<String> switches = properties.switches().entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
        PolicyEngine engine = new PolicyEngine(set, regions, pseudonymiser, switches);
        log.info("Policy set {} (sha256 {}) loaded from {}: {} permits, {} forbids, switches on: {}", set.version(),
                set.contentHash(), properties.location() == null || properties.location().isBlank() ? "the classpath"
                        : properties.location(), set.permits().size(), set.forbids().size(), switches);
        return engine;
    }

    @Bean
    RecipientDirectory recipientDirectory(RecipientProperties properties, PolicyEngine engine) {
        return new RecipientDirectory(properties, engine);
    }
}
