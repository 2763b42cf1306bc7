package nl.verzuimhub.server.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.server.recipients.ClientRegistry;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified token becomes an authentication named after its client, with authority {@code ROLE_<role>} for each
 * value of the {@code role} claim (a string, or a list as Keycloak's realm-role mapper writes it). Checked on every
 * request: the client is not revoked, and for a client the hub knows, the token's role includes the configured one.
 * Either failure is a 401 and a denial in the audit log.
 */
final class HubAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final ClientRegistry registry;
    private final DenialLog denials;

    HubAuthenticationConverter(ClientRegistry registry, DenialLog denials) {
        this.registry = registry;
        this.denials = denials;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String clientId = Callers.clientId(token);
        Optional<Recipient> known = registry.recipient(clientId);
        if (registry.isRevoked(clientId)) {
            refuse(clientId, known, TokenRejection.REVOKED);
        }
        List<String> roles = roles(token);
        if (known.isPresent() && !roles.contains(known.get().role().name())) {
            refuse(clientId, known, TokenRejection.CLAIMS_DISAGREE);
        }
        Collection<GrantedAuthority> authorities = roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new JwtAuthenticationToken(token, authorities, clientId);
    }

    private void refuse(String clientId, Optional<Recipient> known, TokenRejection rejection) {
        denials.deny(clientId, known.orElse(null), null, AuditChannel.API, "token refused: " + rejection.reason());
        throw new InvalidBearerTokenException(rejection.reason());
    }

    static List<String> roles(Jwt token) {
        Object role = token.getClaims().get(HubClaims.ROLE);
        if (role instanceof String text) {
            return List.of(text);
        }
        if (role instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
