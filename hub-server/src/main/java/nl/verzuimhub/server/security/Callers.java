package nl.verzuimhub.server.security;

import java.util.List;
import java.util.Optional;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.server.recipients.ClientRegistry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a verified access token into the recipient it belongs to. The recipient must be known to the hub (configured,
 * or registered at runtime on any instance), and its
 * purposes are those that the hub's settings, the token's {@code purposes} claim and (when the token carries any)
 * its {@code purpose:<id>} scopes all allow.
 */
@Component
public class Callers {
    private final ClientRegistry registry;

    Callers(ClientRegistry registry) {
        this.registry = registry;
    }

    /** The client id the token was issued to: {@code client_id}, else {@code azp} (Keycloak), else {@code sub}. */
    public static String clientId(Jwt token) {
        String clientId = token.getClaimAsString("client_id");
        if (clientId == null) {
            clientId = token.getClaimAsString("azp");
        }
        return clientId != null ? clientId : token.getSubject();
    }

    /** The purposes named by the token's {@code purpose:<id>} scopes; empty when it has none (then all apply). */
    public static List<String> scopePurposes(Jwt token) {
        Object scope = token.getClaims().get("scope");
        List<String> scopes;
        if (scope instanceof String text) {
            scopes = List.of(text.trim().split("\\s+"));
        } else if (scope instanceof java.util.Collection<?> values) {
            scopes = values.stream().map(String::valueOf).toList();
        } else {
            scopes = List.of();
        }
        return scopes.stream().filter(s -> s.startsWith(HubRegisteredClients.PURPOSE_SCOPE_PREFIX))
                .map(s -> s.substring(HubRegisteredClients.PURPOSE_SCOPE_PREFIX.length())).toList();
    }

    public Optional<Recipient> recipient(Jwt token) {
        List<String> granted = token.getClaimAsStringList(HubClaims.PURPOSES);
        List<String> scoped = scopePurposes(token);
        return registry.recipient(clientId(token)).map(known -> new Recipient(known.clientId(), known.organisation(),
                known.role(), known.purposes().stream()
                        .filter(p -> granted != null && granted.contains(p))
                        .filter(p -> scoped.isEmpty() || scoped.contains(p)).toList()));
    }
}
