package nl.verzuimhub.server.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.verzuimhub.server.dashboard.login.DashboardClients;
import nl.verzuimhub.server.recipients.ClientRegistry;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import nl.verzuimhub.server.security.keys.KeyEncryption;
import nl.verzuimhub.server.security.keys.SigningKeyStore;
import nl.verzuimhub.server.security.keys.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded authorization server (on unless {@code hub.security.issuer-uri} names an external issuer): every
 * registered recipient with a secret is an OAuth2 client (client_credentials), and its access tokens carry the
 * hub's claims ({@link HubClaims}) and the audience the hub requires. Signing keys live encrypted in the database,
 * shared by all instances, and rotate with overlap.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedAuthorizationServerCondition.class)
class AuthorizationServerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    @Bean
    RegisteredClientRepository registeredClientRepository(ClientRegistry registry, SecurityProperties properties,
                                                          DashboardClients dashboardClients,
                                                          ObjectProvider<RegisteredClient> others) {
        // Clients that are not recipients: people's clients (the dashboard, PKCE) and any RegisteredClient bean.
        List<RegisteredClient> notRecipients = new java.util.ArrayList<>(dashboardClients.registeredClients());
        others.orderedStream().forEach(notRecipients::add);
        if (registry.all().stream().noneMatch(c -> c.secretHash() != null && !c.revoked())) {
            throw new IllegalStateException("no recipient has a client secret (hub.recipients.<client-id>.secret):"
                    + " nobody could obtain a token from the embedded authorization server");
        }
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build();
        return new HubRegisteredClients(registry, notRecipients, tokens);
    }

    /**
     * Access tokens: {@code aud} is the hub's audience, {@code client_id} the client (RFC 9068); a recipient's
     * token carries its organisation, type, role and purposes. When the client asked for {@code purpose:<id>}
     * scopes, {@code purposes} holds only those.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> hubClaims(RecipientDirectory directory, SecurityProperties properties,
                                                        ObjectProvider<AccessTokenClaimsContributor> contributors) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            context.getClaims().audience(List.of(properties.audience()))
                    .claim("client_id", context.getRegisteredClient().getClientId());
            directory.find(context.getRegisteredClient().getClientId()).ifPresent(recipient -> {
                Set<String> scopes = context.getAuthorizedScopes();
                List<String> asked = scopes.stream().filter(s -> s.startsWith(HubRegisteredClients.PURPOSE_SCOPE_PREFIX))
                        .map(s -> s.substring(HubRegisteredClients.PURPOSE_SCOPE_PREFIX.length())).toList();
                List<String> purposes = asked.isEmpty() ? recipient.purposes()
                        : recipient.purposes().stream().filter(asked::contains).toList();
                context.getClaims()
                        .claim(HubClaims.ORGANISATION, recipient.organisation().code())
                        .claim(HubClaims.ORGANISATION_TYPE, recipient.organisation().type().name())
                        .claim(HubClaims.ROLE, recipient.role().name())
                        .claim(HubClaims.PURPOSES, purposes);
            });
            contributors.orderedStream().forEach(contributor -> contributor.contribute(context));
        };
    }

    @Bean
    SigningKeys signingKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, SecurityProperties properties,
                            Clock clock) {
        KeyEncryption encryption = new KeyEncryption(
                Keys.decode("hub.security.key-encryption-key", properties.keyEncryptionKey()));
        List<KeyEncryption> previous = new java.util.ArrayList<>();
        List<String> configured = properties.previousKeyEncryptionKeys() == null ? List.of()
                : properties.previousKeyEncryptionKeys();
        for (int i = 0; i < configured.size(); i++) {
            previous.add(new KeyEncryption(Keys.decode("hub.security.previous-key-encryption-keys[" + i + "]",
                    configured.get(i))));
        }
        SigningKeys keys = new SigningKeys(new SigningKeyStore(jdbc, encryption, previous),
                new TransactionTemplate(transactions),
                clock, properties.signingKeys().refreshInterval());
        keys.initialise();
        return keys;
    }

    /** The JWK set endpoint publishes every key that still verifies (the overlap shows old and new). */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.verificationSource();
    }

    /** Signs with the newest key only. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signingSource());
    }

    /** What the server issued, forgotten once expired (see {@link ExpiringAuthorizationService}). */
    @Bean
    org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService authorizationService(
            Clock clock) {
        return new ExpiringAuthorizationService(clock, java.time.Duration.ofMinutes(10),
                java.time.Duration.ofSeconds(30));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SecurityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.embeddedIssuer()).build();
    }

    /** Scheduled rotation and retirement, on every instance (the database lock keeps them from doubling up). */
    @Bean
    SmartLifecycle signingKeyMaintenance(SigningKeys keys, SecurityProperties properties) {
        SecurityProperties.SigningKeys settings = properties.signingKeys();
        return new SmartLifecycle() {
            private ScheduledExecutorService executor;

            @Override
            public void start() {
                executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "signing-key-maintenance");
                    thread.setDaemon(true);
                    return thread;
                });
                long period = settings.checkInterval().toMillis();
                executor.scheduleWithFixedDelay(() -> {
                    try {
                        keys.maintain(settings.rotationInterval(), settings.overlap());
                    } catch (RuntimeException e) {
                        log.warn("Signing key maintenance failed; tried again in {}: {}", settings.checkInterval(),
                                e.toString());
                    }
                }, period, period, TimeUnit.MILLISECONDS);
            }

            @Override
            public void stop() {
                executor.shutdownNow();
                executor = null;
            }

            @Override
            public boolean isRunning() {
                return executor != null;
            }
        };
    }
}
