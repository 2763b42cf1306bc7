package nl.verzuimhub.server.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.server.dashboard.login.DashboardClients;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import nl.verzuimhub.server.recipients.RecipientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The embedded authorization server: every configured recipient with a secret is an OAuth2 client
 * (client_credentials), and its tokens carry the hub's claims ({@link HubClaims}).
 *
 * <p>The signing key is generated at start-up, so tokens do not outlive a restart; persisting and rotating keys is
 * the identity issue's work.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(RecipientProperties properties, RecipientDirectory directory,
                                                          PasswordEncoder passwordEncoder,
                                                          DashboardClients dashboardClients) {
        List<RegisteredClient> clients = new ArrayList<>();
        for (Recipient recipient : directory.all()) {
            String secret = properties.recipients().get(recipient.clientId()).secret();
            if (secret == null || secret.isBlank()) {
                continue;
            }
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(recipient.clientId().getBytes()).toString())
                    .clientId(recipient.clientId())
                    .clientSecret(passwordEncoder.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(10)).build())
                    .build());
        }
        clients.addAll(dashboardClients.registeredClients()); // people's clients: the dashboard (PKCE)
        if (clients.isEmpty()) {
            throw new IllegalStateException("no recipient has a client secret (hub.recipients.<client-id>.secret):"
                    + " nobody could obtain a token from the embedded authorization server");
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> hubClaims(RecipientDirectory directory) {
        return context -> directory.find(context.getRegisteredClient().getClientId()).ifPresent(recipient -> context
                .getClaims()
                .claim(HubClaims.ORGANISATION, recipient.organisation().code())
                .claim(HubClaims.ORGANISATION_TYPE, recipient.organisation().type().name())
                .claim(HubClaims.ROLE, recipient.role().name())
                .claim(HubClaims.PURPOSES, recipient.purposes()));
    }

    @Bean
    KeyPair tokenSigningKeyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(KeyPair tokenSigningKeyPair) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) tokenSigningKeyPair.getPublic())
                .privateKey((RSAPrivateKey) tokenSigningKeyPair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** The resource server checks tokens against the embedded server's own key: signature, expiry and not-before. */
    @Bean
    JwtDecoder jwtDecoder(KeyPair tokenSigningKeyPair) {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) tokenSigningKeyPair.getPublic()).build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }
}
