package nl.verzuimhub.server.cluster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The register lease and its renewal (see {@link RegisterLeadership}); the register wiring gates and fences with it. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {
    @Bean
    RegisterLeadership registerLeadership(JdbcTemplate jdbc, ClusterProperties properties) {
        return new RegisterLeadership(jdbc, properties.registerLease());
    }

    @Bean
    LeadershipRenewal leadershipRenewal(RegisterLeadership leadership) {
        return new LeadershipRenewal(leadership);
    }
}
