package nl.verzuimhub.server.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.verzuimhub.server.recipients.ClientRegistration;
import nl.verzuimhub.server.recipients.ClientRegistry;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The embedded authorization server's clients: every registered recipient with a secret hash that is not revoked
 * (client_credentials, scopes {@code purpose:<id>} for its purposes), plus the {@link RegisteredClient} beans that
 * are not recipients (e.g. the dashboard's public client). Read from the database on each lookup, so a revocation
 * or a new registration on any instance applies at once.
 */
final class HubRegisteredClients implements RegisteredClientRepository {
    static final String PURPOSE_SCOPE_PREFIX = "purpose:";

    private final ClientRegistry registry;
    private final List<RegisteredClient> others;
    private final TokenSettings tokenSettings;

    HubRegisteredClients(ClientRegistry registry, List<RegisteredClient> others, TokenSettings tokenSettings) {
        this.registry = registry;
        this.others = List.copyOf(others);
        this.tokenSettings = tokenSettings;
    }

    @Override
    public void save(RegisteredClient client) {
        Optional<ClientRegistration> registration = registry.find(client.getClientId());
        if (registration.isEmpty()) {
            throw new UnsupportedOperationException("clients are registered through the client registry");
        }
        if (client.getClientSecret() != null && !client.getClientSecret().equals(registration.get().secretHash())) {
            registry.updateSecretHash(client.getClientId(), client.getClientSecret());
        }
    }

    @Override
    public RegisteredClient findById(String id) {
        for (RegisteredClient other : others) {
            if (other.getId().equals(id)) {
                return other;
            }
        }
        return registry.all().stream().filter(r -> id(r.clientId()).equals(id)).findFirst().map(this::toClient)
                .orElse(null);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        for (RegisteredClient other : others) {
            if (other.getClientId().equals(clientId)) {
                return other;
            }
        }
        return registry.find(clientId).map(this::toClient).orElse(null);
    }

    private RegisteredClient toClient(ClientRegistration registration) {
        if (registration.revoked() || registration.secretHash() == null) {
            return null;
        }
        return RegisteredClient.withId(id(registration.clientId()))
                .clientId(registration.clientId())
                .clientSecret(registration.secretHash())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> registration.recipient().purposes()
                        .forEach(purpose -> scopes.add(PURPOSE_SCOPE_PREFIX + purpose)))
                .tokenSettings(tokenSettings)
                .build();
    }

    private static String id(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
