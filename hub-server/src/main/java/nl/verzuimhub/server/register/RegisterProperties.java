package nl.verzuimhub.server.register;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl      the register's exchange interface; when absent the hub serves and polls its built-in simulator
 * @param pollInterval time between polls when the register has nothing more (a Spring Duration, e.g. {@code 2s})
 * @param pageSize     {@code max} mutations asked per page, 1..1000
 */
@ConfigurationProperties("hub.register")
public record RegisterProperties(URI baseUrl, Duration pollInterval, Integer pageSize) {
    public boolean usesSimulator() {
        return baseUrl == null || baseUrl.toString().isBlank();
    }
}
