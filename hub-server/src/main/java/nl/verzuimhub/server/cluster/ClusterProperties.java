package nl.verzuimhub.server.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for running several instances on one database ({@code hub.cluster.*}); see docs/scale-out.md.
 *
 * @param registerLease    how long the instance that polls the register keeps that role without renewing it (it
 *                         renews every third); after it dies, another instance takes over within this time
 * @param directoryRefresh how often each instance re-reads the client registrations, so that a client registered or
 *                         revoked through another instance reaches this one's decisions within this time
 */
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(Duration registerLease, Duration directoryRefresh) {
    public ClusterProperties {
        registerLease = registerLease == null ? Duration.ofSeconds(30) : registerLease;
        directoryRefresh = directoryRefresh == null ? Duration.ofSeconds(10) : directoryRefresh;
        if (directoryRefresh.isZero() || directoryRefresh.isNegative()) {
            throw new IllegalStateException("hub.cluster.directory-refresh must be positive, was " + directoryRefresh);
        }
    }
}
