package nl.verzuimhub.server.register;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl      the register's exchange interface; when absent the hub serves and polls its built-in simulator
 * @param pollInterval time between polls when the register has nothing more (a Spring Duration, e.g. {@code 2s})
 * @param pageSize     {@code max} mutations asked per page, 1..1000
 * @param connectTimeout how long to wait for a connection to the register (default 10 s)
 * @param readTimeout    how long to wait for the register's answer (default 60 s); a poll that takes longer fails
 *                       and is tried again at the next tick
 */
@ConfigurationProperties("hub.register")
public record RegisterProperties(URI baseUrl, Duration pollInterval, Integer pageSize, Duration connectTimeout,
                                 Duration readTimeout) {
    public RegisterProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    }

    public boolean usesSimulator() {
        return baseUrl == null || baseUrl.toString().isBlank();
    }
}
