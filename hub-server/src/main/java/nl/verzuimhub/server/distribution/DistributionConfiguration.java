package nl.verzuimhub.server.distribution;

import java.time.Clock;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DistributionConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Distributor distributor(PolicyEngine engine, RecipientDirectory recipients, SubjectHasher subjectHasher) {
        return new Distributor(engine, recipients::all, subjectHasher);
    }

    @Bean
    ScopeFollower scopeFollower(PolicyEngine engine, RecipientDirectory recipients) {
        return new ScopeFollower(engine, recipients);
    }
}
