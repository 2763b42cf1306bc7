package nl.verzuimhub.server.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * How the resource server checks a bearer token, for either issuer: signature (the embedded server's keys from the
 * database, or the external issuer's JWK set), expiry and not-before (60 s clock skew), {@code iss} equal to the
 * trusted issuer, and {@code aud} containing {@code hub.security.audience}. A signed token that fails these checks
 * and names a client the hub knows is recorded as a denial. A token that passed is not checked again for up to
 * {@link #REMEMBERED} while it is unexpired and its key still verifies ({@link VerifiedTokenCache}).
 */
@Configuration(proxyBeanMethods = false)
class TokenVerificationConfiguration {
    /** How long an accepted token is accepted again without checking its signature: the JWK set cache's order. */
    static final Duration REMEMBERED = Duration.ofSeconds(60);
    private static final int REMEMBERED_TOKENS = 4096;

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<JWKSource<SecurityContext>> embeddedKeys,
                          DenialLog denials, RecipientDirectory directory, Clock clock) {
        String issuer = properties.external() ? properties.issuerUri() : properties.embeddedIssuer();
        OAuth2TokenValidator<Jwt> validator = new DenialRecordingValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience()))),
                denials, directory);
        if (!properties.external()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(embeddedKeys.getObject())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(validator);
            JWKSource<SecurityContext> keys = embeddedKeys.getObject();
            return new VerifiedTokenCache(decoder, keyId -> verifies(keys, keyId), clock, REMEMBERED,
                    REMEMBERED_TOKENS);
        }
        // Resolved on first use, so the hub starts even while the identity provider is still starting.
        return new VerifiedTokenCache(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = StringUtils.hasText(properties.jwkSetUri())
                    ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                    : NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }), keyId -> true, clock, REMEMBERED, REMEMBERED_TOKENS);
    }

    /** Whether the embedded server's key with this id still verifies (a retired key does not, at once). */
    private static boolean verifies(JWKSource<SecurityContext> keys, String keyId) {
        if (keyId == null) {
            return false;
        }
        try {
            return !keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build()), null).isEmpty();
        } catch (KeySourceException e) {
            return false;
        }
    }
}
