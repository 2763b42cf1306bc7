package nl.verzuimhub.server.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in register simulator, served when {@code hub.register.base-url} is not set.
 *
 * @param seed   the same seed gives the same region
 * @param pupils size of the synthetic region
 */
@ConfigurationProperties("hub.simulator")
public record SimulatorProperties(Long seed, Integer pupils) {
}
