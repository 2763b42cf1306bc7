package nl.verzuimhub.server.register;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import nl.verzuimhub.connectors.register.RegisterPageHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import nl.verzuimhub.connectors.register.RegisterRoute;
import nl.verzuimhub.connectors.register.RegisterSettings;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.server.simulator.SimulatorController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the register connector: the Camel route polls {@code hub.register.base-url}, or the built-in simulator on
 * this hub's own port when no base URL is set, and hands each page to ingest.
 */
@Configuration(proxyBeanMethods = false)
class RegisterConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RegisterConfiguration.class);

    @Bean
    RegisterPageHandler registerPageHandler(RegisterPageStore store, Clock clock) {
        return new RegisterPageHandler(store, clock);
    }

    @Bean
    RegisterRoute registerRoute(RegisterProperties properties, RegisterPageStore store, RegisterPageHandler handler,
                                Environment environment) {
        Duration interval = properties.pollInterval() == null ? Duration.ofSeconds(10) : properties.pollInterval();
        int pageSize = properties.pageSize() == null ? RegisterSettings.DEFAULT_PAGE_SIZE : properties.pageSize();
        if (!properties.usesSimulator()) {
            log.info("Polling the register at {} every {}", properties.baseUrl(), interval);
            return new RegisterRoute(new RegisterSettings(properties.baseUrl(), interval, pageSize), store, handler);
        }
        log.info("No hub.register.base-url: polling the built-in register simulator every {}", interval);
        return new RegisterRoute(simulatorUrl(environment), interval, pageSize, store, handler);
    }

    /**
     * Timeouts for the register's HTTP client, instead of the client's default of three minutes; no automatic
     * re-sending: a failed poll is simply tried again at the next tick, with the cursor unmoved.
     */
    @Bean
    CamelContextConfiguration registerHttpTimeouts(RegisterProperties properties) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                for (String scheme : List.of("http", "https")) {
                    HttpComponent http = camel.getComponent(scheme, HttpComponent.class);
                    http.setConnectTimeout(properties.connectTimeout().toMillis());
                    http.setConnectionRequestTimeout(properties.connectTimeout().toMillis());
                    http.setSoTimeout(properties.readTimeout().toMillis());
                    http.setResponseTimeout(properties.readTimeout().toMillis());
                    http.setAutomaticRetriesDisabled(true);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing to do once started
            }
        };
    }

    /** The simulator lives on this hub's own web server, whose port is known only once it has started. */
    private static Supplier<URI> simulatorUrl(Environment environment) {
        return () -> {
            String port = environment.getProperty("local.server.port");
            if (port == null) {
                throw new IllegalStateException("the web server has not started yet");
            }
            return URI.create("http://localhost:" + port + SimulatorController.BASE_PATH);
        };
    }
}
