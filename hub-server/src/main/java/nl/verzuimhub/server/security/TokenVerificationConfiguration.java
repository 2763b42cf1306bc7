package nl.verzuimhub.server.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
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
 * and names a client the hub knows is recorded as a denial.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerificationConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<JWKSource<SecurityContext>> embeddedKeys,
                          DenialLog denials, RecipientDirectory directory) {
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
            return decoder;
        }
        // Resolved on first use, so the hub starts even while the identity provider is still starting.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = StringUtils.hasText(properties.jwkSetUri())
                    ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                    : NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }
}
