package nl.verzuimhub.server.security;

import java.util.List;
import java.util.Optional;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a verified access token into the recipient it belongs to. The recipient must be known to the hub, and its
 * purposes are those both the hub's configuration and the token grant.
 */
@Component
public class Callers {
    private final RecipientDirectory directory;

    Callers(RecipientDirectory directory) {
        this.directory = directory;
    }

    /** The client id the token was issued to. */
    public static String clientId(Jwt token) {
        String clientId = token.getClaimAsString("client_id");
        return clientId != null ? clientId : token.getSubject();
    }

    public Optional<Recipient> recipient(Jwt token) {
        List<String> granted = token.getClaimAsStringList(HubClaims.PURPOSES);
        return directory.find(clientId(token)).map(known -> new Recipient(known.clientId(), known.organisation(),
                known.role(), known.purposes().stream().filter(p -> granted != null && granted.contains(p)).toList()));
    }
}
