package nl.verzuimhub.server.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Who issues the tokens the hub accepts, and how the embedded authorization server keeps its keys:
 * {@code hub.security.*}.
 *
 * @param issuerUri          an external issuer (e.g. a Keycloak realm, {@code https://idp.example/realms/verzuimhub}).
 *                           Set: the embedded authorization server is off and tokens must come from this issuer.
 *                           Empty (default): the embedded authorization server issues and checks tokens
 * @param jwkSetUri          where to fetch the external issuer's keys when the hub reaches it under another address
 *                           than its public issuer URL (compose: {@code http://keycloak:8080/...}); empty: discovered
 *                           from {@code issuer-uri}
 * @param embeddedIssuer     the {@code iss} of tokens the embedded server issues (its public URL); the same value on
 *                           every instance
 * @param audience           the {@code aud} value every access token must carry to be accepted by the hub
 * @param keyEncryptionKey   base64, >= 32 bytes: encrypts (AES-GCM) the embedded server's signing keys in the
 *                           database. Required for the embedded server (the demo profile sets one)
 * @param previousKeyEncryptionKeys earlier key-encryption keys (base64): at start-up, signing keys sealed under one of
 *                           them are sealed again under {@code keyEncryptionKey} (rotation; see docs)
 * @param accessTokenTtl     lifetime of access tokens issued by the embedded server
 * @param signingKeys        rotation of the embedded server's signing keys
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String embeddedIssuer, String audience,
                                 String keyEncryptionKey, List<String> previousKeyEncryptionKeys,
                                 Duration accessTokenTtl, SigningKeys signingKeys) {

    public static final String DEFAULT_AUDIENCE = "verzuimhub";

    public SecurityProperties {
        embeddedIssuer = StringUtils.hasText(embeddedIssuer) ? embeddedIssuer : "http://localhost:8080";
        audience = StringUtils.hasText(audience) ? audience : DEFAULT_AUDIENCE;
        accessTokenTtl = accessTokenTtl != null ? accessTokenTtl : Duration.ofMinutes(10);
        signingKeys = signingKeys != null ? signingKeys : new SigningKeys(null, null, null, null);
    }

    /** True when tokens come from an external issuer and the embedded authorization server is off. */
    public boolean external() {
        return StringUtils.hasText(issuerUri);
    }

    /**
     * @param rotationInterval a new signing key is made when the newest is this old (scheduled rotation)
     * @param overlap          how long a replaced key still verifies tokens; at least the access-token lifetime
     * @param checkInterval    how often each instance checks for due rotation/retirement
     * @param refreshInterval  how often each instance re-reads the keys (to see another instance's rotation)
     */
    public record SigningKeys(Duration rotationInterval, Duration overlap, Duration checkInterval,
                              Duration refreshInterval) {
        public SigningKeys {
            rotationInterval = rotationInterval != null ? rotationInterval : Duration.ofDays(30);
            overlap = overlap != null ? overlap : Duration.ofHours(1);
            checkInterval = checkInterval != null ? checkInterval : Duration.ofMinutes(1);
            refreshInterval = refreshInterval != null ? refreshInterval : Duration.ofSeconds(30);
        }
    }
}
