package nl.verzuimhub.server.dashboard.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.server.database.MigratedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The people login's two factors, replay guard and lockout, with their state in a real PostgreSQL. */
class PersonAuthenticationProviderTest {
    static final String SECRET = "KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD";
    static final Instant NOW = Instant.parse("2026-11-23T10:00:10Z");
    static MigratedPostgres postgres;
    static JdbcTemplate jdbc;
    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final PeopleDirectory people = new PeopleDirectory(new PeopleProperties(Map.of("fg", new PeopleProperties.Person(
            null, "secret-password", "PRIVACY_OFFICER", "verzuimhub-fg", SECRET))), encoder);
    final List<String> lockouts = new ArrayList<>();
    final PersonAuthenticationProvider provider = providerAt(NOW);

    @BeforeAll
    static void database() {
        postgres = MigratedPostgres.start();
        jdbc = postgres.jdbc();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void noLoginStateYet() {
        jdbc.update("delete from person_login");
    }

    /** A provider as one hub instance runs it at {@code now}: all instances share the database. */
    private PersonAuthenticationProvider providerAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new PersonAuthenticationProvider(people, encoder, new LoginGuard(jdbc, 5, Duration.ofMinutes(15), clock),
                person -> lockouts.add(person.username()), clock);
    }

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
    void aCodeUsedThroughOneInstanceIsRefusedByAnotherAndOlderStepsNotAtAll() {
        LoginGuard a = new LoginGuard(jdbc, 5, Duration.ofMinutes(15), Clock.systemUTC());
        LoginGuard b = new LoginGuard(jdbc, 5, Duration.ofMinutes(15), Clock.systemUTC());
        assertThat(a.claimStep("fg-demo", 100)).isTrue();
        assertThat(b.claimStep("fg-demo", 100)).isFalse();
        assertThat(b.claimStep("fg-demo", 99)).isFalse();
        assertThat(b.claimStep("other", 100)).isTrue();
        assertThat(a.claimStep("fg-demo", 101)).isTrue();
    }

    @Test
    void fiveFailuresInARowLockThePersonOutOnEveryInstanceUntilTheLockoutEnds() {
        String code = Totp.code(Base32.decode(SECRET), NOW);
        for (int i = 0; i < 4; i++) {
            assertFails(provider, attempt("fg", "wrong", code));
        }
        assertThat(lockouts).isEmpty();
        assertFails(provider, attempt("fg", "secret-password", "000000"));
        assertThat(lockouts).as("the fifth failure locks, whichever factor was wrong").containsExactly("fg");

        PersonAuthenticationProvider otherInstance = providerAt(NOW.plusSeconds(60));
        assertFails(otherInstance, attempt("fg", "secret-password", Totp.code(Base32.decode(SECRET),
                NOW.plusSeconds(60))));
        assertFails(providerAt(NOW.plus(Duration.ofMinutes(14))), attempt("fg", "secret-password",
                Totp.code(Base32.decode(SECRET), NOW.plus(Duration.ofMinutes(14)))));
        Instant later = NOW.plus(Duration.ofMinutes(15)).plusSeconds(30);
        assertThat(providerAt(later).authenticate(attempt("fg", "secret-password",
                Totp.code(Base32.decode(SECRET), later))).isAuthenticated()).isTrue();
        assertThat(lockouts).as("refusals while locked do not count again").containsExactly("fg");
    }

    @Test
    void aSuccessStartsTheCountAgainAndAStrangersGuessesLeaveNoTrace() {
        for (int i = 0; i < 4; i++) {
            assertFails(provider, attempt("fg", "wrong", null));
        }
        assertThat(provider.authenticate(attempt("fg", "secret-password", Totp.code(Base32.decode(SECRET), NOW)))
                .isAuthenticated()).isTrue();
        Instant later = NOW.plusSeconds(60);
        for (int i = 0; i < 4; i++) {
            assertFails(providerAt(later), attempt("fg", "wrong", null));
        }
        assertThat(providerAt(later).authenticate(attempt("fg", "secret-password",
                Totp.code(Base32.decode(SECRET), later))).isAuthenticated()).isTrue();
        for (int i = 0; i < 10; i++) {
            assertFails(provider, attempt("nobody-" + i, "secret-password", null));
        }
        assertThat(lockouts).isEmpty();
        assertThat(jdbc.queryForList("select username from person_login", String.class)).containsExactly("fg");
    }

    private static void assertFails(PersonAuthenticationProvider provider, Authentication attempt) {
        assertThatThrownBy(() -> provider.authenticate(attempt)).isInstanceOf(BadCredentialsException.class)
                .hasMessage(PersonAuthenticationProvider.FAILED);
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
