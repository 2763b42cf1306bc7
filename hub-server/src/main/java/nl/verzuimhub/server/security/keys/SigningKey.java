package nl.verzuimhub.server.security.keys;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;

/**
 * One of the embedded authorization server's signing keys.
 *
 * @param retireAt when it stops verifying (set once a newer key replaced it); null while it is the signing key
 */
public record SigningKey(String keyId, RSAKey jwk, Instant createdAt, Instant retireAt) {

    /** Whether tokens signed with it are still accepted at {@code now}. */
    public boolean verifiesAt(Instant now) {
        return retireAt == null || retireAt.isAfter(now);
    }
}
