package nl.verzuimhub.server.dashboard.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class PersonAuthenticationProviderTest {
    static final String SECRET = "KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD";
    static final Instant NOW = Instant.parse("2026-11-23T10:00:10Z");
    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final PeopleDirectory people = new PeopleDirectory(new PeopleProperties(Map.of("fg", new PeopleProperties.Person(
            null, "secret-password", "PRIVACY_OFFICER", "verzuimhub-fg", SECRET))), encoder);
    final PersonAuthenticationProvider provider = new PersonAuthenticationProvider(people, encoder,
            new TotpReplayGuard(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void passwordAndCurrentCodeLogInOnceWithTheRoleAsAuthority() {
        String code = Totp.code(Base32.decode(SECRET), NOW);
        Authentication result = provider.authenticate(attempt("fg", "secret-password", code));
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_PRIVACY_OFFICER");
        assertThat(result.getCredentials()).isNull();
        assertThatThrownBy(() -> provider.authenticate(attempt("fg", "secret-password", code)))
                .isInstanceOf(BadCredentialsException.class); // the same step again: a replay
    }

    @Test
    void everyWrongFactorGetsTheSameAnswer() {
        String code = Totp.code(Base32.decode(SECRET), NOW);
        String old = Totp.code(Base32.decode(SECRET), NOW.minusSeconds(90));
        for (Authentication attempt : new Authentication[]{attempt("fg", "wrong", code), attempt("nobody", "secret-password", code),
                attempt("fg", "secret-password", old), attempt("fg", "secret-password", null)}) {
            assertThatThrownBy(() -> provider.authenticate(attempt)).isInstanceOf(BadCredentialsException.class)
                    .hasMessage(PersonAuthenticationProvider.FAILED);
        }
    }

    @Test
    void aPersonWithoutPasswordOrWithAShortSecretStopsTheStart() {
        assertThatThrownBy(() -> new PeopleDirectory(new PeopleProperties(Map.of(
                "a", new PeopleProperties.Person(null, null, "PRIVACY_OFFICER", "x", SECRET),
                "b", new PeopleProperties.Person(null, "p", "PRIVACY_OFFICER", "x", "ABCD"),
                "c", new PeopleProperties.Person(null, "p", "BOSS", "x", SECRET))), encoder))
                .hasMessageContaining("hub.people.a.password-hash").hasMessageContaining("hub.people.b.totp-secret")
                .hasMessageContaining("hub.people.c.role");
    }

    @Test
    void aConfiguredBcryptHashIsUsedAsIs() {
        String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode("from-vault");
        PeopleDirectory directory = new PeopleDirectory(new PeopleProperties(Map.of("fg", new PeopleProperties.Person(
                hash, null, "PRIVACY_OFFICER", "x", SECRET))), encoder);
        assertThat(encoder.matches("from-vault", directory.find("fg").orElseThrow().passwordHash())).isTrue();
    }

    private static Authentication attempt(String username, String password, String code) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (code != null) {
            request.setParameter("code", code);
        }
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new TotpAuthenticationDetails(request));
        return token;
    }
}
