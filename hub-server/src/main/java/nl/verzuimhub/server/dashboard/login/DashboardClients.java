package nl.verzuimhub.server.dashboard.login;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The people-facing OAuth2 clients the embedded authorization server knows: the dashboard, a public client
 * (no secret: it is the browser's session that holds the tokens) that must use authorization code with PKCE.
 */
public final class DashboardClients {
    private final DashboardLoginProperties properties;

    public DashboardClients(DashboardLoginProperties properties) {
        this.properties = properties;
    }

    public List<RegisteredClient> registeredClients() {
        RegisteredClient.Builder dashboard = RegisteredClient
                .withId(UUID.nameUUIDFromBytes(DashboardLoginProperties.CLIENT_ID.getBytes()).toString())
                .clientId(DashboardLoginProperties.CLIENT_ID)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(DashboardLoginProperties.SCOPE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30)).build());
        properties.allRedirectUris().forEach(dashboard::redirectUri);
        return List.of(dashboard.build());
    }
}
