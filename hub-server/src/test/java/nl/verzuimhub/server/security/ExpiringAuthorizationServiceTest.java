package nl.verzuimhub.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ExpiringAuthorizationServiceTest {
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    static final RegisteredClient CLIENT = RegisteredClient.withId("leerplicht-0363").clientId("leerplicht-0363")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();

    final SettableClock clock = new SettableClock(T0);
    final ExpiringAuthorizationService service = new ExpiringAuthorizationService(clock, Duration.ofMinutes(10),
            Duration.ofSeconds(30));

    @Test
    void anAuthorizationIsFoundUntilItsTokenExpiredAndForgottenAtTheNextSweep() {
        OAuth2Authorization first = tokenIssued("token-1", T0, Duration.ofMinutes(10));
        service.save(first);
        assertThat(service.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isEqualTo(first);

        clock.set(T0.plus(Duration.ofMinutes(5)));
        service.save(tokenIssued("token-2", clock.instant(), Duration.ofMinutes(10)));
        assertThat(service.findById(first.getId())).as("still valid at the sweep").isNotNull();

        clock.set(T0.plus(Duration.ofMinutes(11)));
        service.save(tokenIssued("token-3", clock.instant(), Duration.ofMinutes(10)));
        assertThat(service.findById(first.getId())).as("expired: forgotten").isNull();
        assertThat(service.findByToken("token-2", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
        assertThat(service.size()).isEqualTo(2);
    }

    @Test
    void aLongRunningHubHoldsOnlyTheAuthorizationsThatCanStillBeUsed() {
        for (int minute = 0; minute < 24 * 60; minute++) {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            for (int client = 0; client < 10; client++) {
                service.save(tokenIssued("token-" + minute + "-" + client, clock.instant(), Duration.ofMinutes(10)));
            }
        }
        assertThat(service.size()).as("a day of 10 token requests a minute: about the last 10 minutes' worth")
                .isBetween(100, 120);
    }

    @Test
    void removingForgetsAtOnce() {
        OAuth2Authorization authorization = tokenIssued("token-1", T0, Duration.ofMinutes(10));
        service.save(authorization);
        service.remove(authorization);
        assertThat(service.findById(authorization.getId())).isNull();
        assertThat(service.size()).isZero();
    }

    private static OAuth2Authorization tokenIssued(String value, Instant issued, Duration ttl) {
        return OAuth2Authorization.withRegisteredClient(CLIENT).id("authorization-" + value)
                .principalName(CLIENT.getClientId()).authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, issued, issued.plus(ttl)))
                .build();
    }
}
