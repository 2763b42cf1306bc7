package nl.verzuimhub.server.recipients;

import java.time.Instant;
import nl.verzuimhub.core.recipient.Recipient;

/**
 * A row of {@code client_registration}: an OAuth2 client, the recipient it is, and its state. The secret is only
 * ever held as a hash.
 *
 * @param secretHash the client secret's hash in {@code {bcrypt}...} form; null for a client that gets its tokens
 *                   elsewhere (an external issuer)
 */
public record ClientRegistration(Recipient recipient, String secretHash, Source source, boolean revoked,
                                 Instant revokedAt) {

    public enum Source { CONFIGURATION, RUNTIME }

    public String clientId() {
        return recipient.clientId();
    }
}
