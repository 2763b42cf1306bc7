package nl.verzuimhub.server.dashboard.login;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The dashboard as an OAuth2 client of the hub's own authorization server (or of {@code hub.dashboard.login.issuer-uri}).
 *
 * <p>The registration is built once the web server knows its port: the browser is sent to the relative
 * {@code /oauth2/authorize} (so it stays on the host it came from), while the code is exchanged server to server
 * at {@code http://127.0.0.1:<port>/oauth2/token}. A public client: PKCE is used automatically.
 */
final class DashboardClientRegistrations implements ClientRegistrationRepository,
        ApplicationListener<WebServerInitializedEvent> {
    private final DashboardLoginProperties properties;
    private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

    DashboardClientRegistrations(DashboardLoginProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return; // the management server, if any
        }
        boolean external = properties.issuerUri() != null && !properties.issuerUri().isBlank();
        String issuer = external ? properties.issuerUri().replaceAll("/$", "")
                : "http://127.0.0.1:" + event.getWebServer().getPort();
        registration.set(ClientRegistration.withRegistrationId(DashboardLoginProperties.CLIENT_ID)
                .clientId(DashboardLoginProperties.CLIENT_ID)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}" + DashboardLoginProperties.REDIRECT_PATH)
                .scope(DashboardLoginProperties.SCOPE)
                .authorizationUri(!external ? "/oauth2/authorize"
                        : present(properties.authorizationUri()) ? properties.authorizationUri() : issuer + "/oauth2/authorize")
                .tokenUri(external && present(properties.tokenUri()) ? properties.tokenUri() : issuer + "/oauth2/token")
                .userNameAttributeName("sub")
                .clientName("Verzuimhub dashboard")
                .build());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        ClientRegistration current = registration.get();
        return current != null && current.getRegistrationId().equals(registrationId) ? current : null;
    }
}
