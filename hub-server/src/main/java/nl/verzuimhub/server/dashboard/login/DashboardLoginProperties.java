package nl.verzuimhub.server.dashboard.login;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the dashboard logs people in: {@code hub.dashboard.login.*}.
 *
 * @param issuerUri    base URL of the authorization server the dashboard is a client of; empty: the hub's own
 *                     embedded server, reached at {@code http://127.0.0.1:<the hub's port>}
 * @param authorizationUri with an external issuer: its authorization endpoint, when not {@code <issuer>/oauth2/authorize}
 *                     (Keycloak: {@code <issuer>/protocol/openid-connect/auth})
 * @param tokenUri     with an external issuer: its token endpoint, when not {@code <issuer>/oauth2/token}
 * @param redirectUris the redirect URIs the embedded server accepts for the dashboard client, in addition to
 *                     {@code http://127.0.0.1:8080/login/oauth2/code/verzuimhub-dashboard} (for loopback IPs any
 *                     port matches, RFC 8252)
 * @param maxFailures  consecutive failed logins (any factor) after which a person is locked out (default 5)
 * @param lockout      how long such a lockout lasts (default 15 minutes)
 */
@ConfigurationProperties("hub.dashboard.login")
public record DashboardLoginProperties(String issuerUri, String authorizationUri, String tokenUri,
                                       List<String> redirectUris, Integer maxFailures, Duration lockout) {
    public static final String CLIENT_ID = "verzuimhub-dashboard";
    public static final String REDIRECT_PATH = "/login/oauth2/code/" + CLIENT_ID;
    public static final String SCOPE = "dashboard";

    public int maxFailuresOrDefault() {
        return maxFailures == null ? 5 : maxFailures;
    }

    public Duration lockoutOrDefault() {
        return lockout == null ? Duration.ofMinutes(15) : lockout;
    }

    public List<String> allRedirectUris() {
        List<String> all = new java.util.ArrayList<>();
        all.add("http://127.0.0.1:8080" + REDIRECT_PATH);
        if (redirectUris != null) {
            all.addAll(redirectUris);
        }
        return all;
    }
}
