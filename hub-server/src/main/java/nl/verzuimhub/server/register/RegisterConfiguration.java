package nl.verzuimhub.server.register;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import nl.verzuimhub.connectors.register.PollSchedule;
import nl.verzuimhub.connectors.register.RegisterClient;
import nl.verzuimhub.connectors.register.RegisterPageHandler;
import nl.verzuimhub.connectors.register.RegisterPoller;
import nl.verzuimhub.connectors.register.RegisterRoute;
import nl.verzuimhub.connectors.register.RegisterSettings;
import nl.verzuimhub.connectors.register.RegisterTransport;
import nl.verzuimhub.connectors.tls.TlsContexts;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.server.cluster.LeaderOnlyPageStore;
import nl.verzuimhub.server.cluster.LeaderOnlyRegisterRoute;
import nl.verzuimhub.server.cluster.RegisterLeadership;
import nl.verzuimhub.server.simulator.SimulatorController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the register connector: the poller (its own HTTP client with the register's TLS, token, timeouts and limits;
 * nothing is set on Camel's shared http component, so other connectors inherit none of it), the Camel route that
 * drives it, its metrics and its health indicator. It polls {@code hub.register.base-url}, or the built-in simulator
 * on this hub's own port when no base URL is set. Wrong settings stop start-up with a message naming the setting.
 */
@Configuration(proxyBeanMethods = false)
class RegisterConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RegisterConfiguration.class);

    /** Pages are stored only by the instance that holds the register lease (docs/scale-out.md). */
    @Bean
    RegisterPageHandler registerPageHandler(RegisterPageStore store, Clock clock, RegisterProperties properties,
                                            RegisterLeadership leadership, PlatformTransactionManager transactions) {
        return new RegisterPageHandler(new LeaderOnlyPageStore(store, leadership, new TransactionTemplate(transactions)),
                clock, properties.limits());
    }

    @Bean
    RegisterMetrics registerMetrics(MeterRegistry registry) {
        return new RegisterMetrics(registry);
    }

    /** Closed when the context closes (after Camel has stopped), which ends the thread that fetches pages ahead. */
    @Bean(destroyMethod = "close")
    RegisterPoller registerPoller(RegisterProperties properties, RegisterPageStore store, RegisterPageHandler handler,
                                  RegisterMetrics metrics, QuarantineRepository quarantine, MeterRegistry registry,
                                  Clock clock, Environment environment) {
        // Checks the base URL, poll interval and page size now, so that a wrong setting stops start-up.
        RegisterSettings settings = new RegisterSettings(properties.usesSimulator() ? null : properties.baseUrl(),
                properties.pollInterval(), properties.pageSize());
        Supplier<URI> baseUrl;
        if (properties.usesSimulator()) {
            log.info("No hub.register.base-url: polling the built-in register simulator every {}", properties.pollInterval());
            baseUrl = simulatorUrl(environment);
        } else {
            URI url = settings.baseUrl();
            log.info("Polling the register at {} every {}", url, properties.pollInterval());
            baseUrl = () -> url;
        }
        RegisterTransport transport = new RegisterTransport(properties.connectTimeout(), properties.readTimeout(),
                tls(properties.tls()), properties.bearerToken(), properties.limits());
        log.info("Register transport: {}", transport);
        RegisterPoller poller = new RegisterPoller(baseUrl, properties.pageSize(), new RegisterClient(transport), store,
                handler, new PollSchedule(properties.pollInterval(), properties.backoff().policy()), metrics, clock,
                properties.prefetch());
        RegisterGauges.register(registry, poller, quarantine, clock);
        return poller;
    }

    /** Only the instance that holds the register lease polls (docs/scale-out.md). */
    @Bean
    RegisterRoute registerRoute(RegisterPoller poller, RegisterLeadership leadership) {
        return new LeaderOnlyRegisterRoute(poller, RegisterRoute.DEFAULT_TICK, leadership);
    }

    @Bean
    RegisterHealthIndicator registerHealthIndicator(RegisterPoller poller) {
        return new RegisterHealthIndicator(poller);
    }

    private static SSLContext tls(RegisterProperties.Tls tls) {
        if (!tls.configured()) {
            return null;
        }
        SSLContext context = TlsContexts.context("hub.register.tls", tls.keyStore(), chars(tls.keyStorePassword()),
                tls.trustStore(),
                chars(tls.trustStorePassword()));
        if (tls.keyStore() != null) {
            log.info("Register mutual TLS: client certificate {}", TlsContexts.clientSubject(tls.keyStore(),
                    chars(tls.keyStorePassword())));
        }
        return context;
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
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
