package nl.verzuimhub.server.outbox;

import java.time.Clock;
import nl.verzuimhub.server.recipients.RecipientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {
    /** Built and validated at start-up: a push setting that cannot work stops the hub, naming the property. */
    @Bean(destroyMethod = "close")
    PushConnectors pushConnectors(RecipientProperties recipients, OutboxProperties outbox, Clock clock) {
        return new PushConnectors(recipients, outbox, clock);
    }
}
