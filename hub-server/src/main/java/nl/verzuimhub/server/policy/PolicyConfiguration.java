package nl.verzuimhub.server.policy;

import java.util.Map;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.policies.Pseudonymiser;
import nl.verzuimhub.policies.RegionDirectory;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import nl.verzuimhub.server.recipients.RecipientProperties;
import nl.verzuimhub.server.security.Keys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy engine with the default policy set, and the recipients checked against it. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    PolicyEngine policyEngine(PolicyProperties properties) {
        Map<String, java.util.Set<String>> regions = properties.ggdRegions() == null ? Map.of() : properties.ggdRegions();
        byte[] masterKey = Keys.decode("hub.policy.pseudonym-master-key", properties.pseudonymMasterKey());
        return new PolicyEngine(DefaultPolicySet.policySet(), new RegionDirectory(regions), new Pseudonymiser(masterKey));
    }

    @Bean
    RecipientDirectory recipientDirectory(RecipientProperties properties, PolicyEngine engine) {
        return new RecipientDirectory(properties, engine);
    }
}
