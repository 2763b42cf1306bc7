package nl.verzuimhub.server.recipients;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import nl.verzuimhub.server.cluster.ClusterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The client registry, synchronised with {@code hub.recipients} before anything can ask for a token. */
@Configuration(proxyBeanMethods = false)
class RecipientsConfiguration {

    /** bcrypt, stored as {@code {bcrypt}...}; the prefix lets a later encoder upgrade stored hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ClientRegistry clientRegistry(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, RecipientDirectory directory,
                                  RecipientProperties properties, Clock clock, PlatformTransactionManager transactions) {
        ClientRegistry registry = new ClientRegistry(jdbc, passwordEncoder, directory, clock);
        Map<String, String> secrets = new HashMap<>();
        if (properties.recipients() != null) {
            properties.recipients().forEach((clientId, client) -> {
                if (client.secret() != null) {
                    secrets.put(clientId, client.secret());
                }
            });
        }
        new TransactionTemplate(transactions).executeWithoutResult(status -> registry.synchronise(secrets));
        return registry;
    }

    /** Other instances' registrations and revocations reach this one's directory within the interval. */
    @Bean
    DirectoryRefresh directoryRefresh(ClientRegistry registry, ClusterProperties cluster) {
        return new DirectoryRefresh(registry, cluster.directoryRefresh());
    }
}
