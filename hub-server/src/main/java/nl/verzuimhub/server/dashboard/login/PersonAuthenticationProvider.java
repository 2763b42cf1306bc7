package nl.verzuimhub.server.dashboard.login;

import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Logs a person in to the authorization server with two factors: the password (bcrypt) and a TOTP code of the
 * current step or one either side, used at most once.
 *
 * <p>Contract: every failure is the same {@link BadCredentialsException} ("wrong username, password or code"), so
 * the form does not reveal which factor was wrong or whether the username exists. The password is checked even
 * for unknown usernames, to keep the timing alike.
 */
final class PersonAuthenticationProvider implements AuthenticationProvider {
    static final String FAILED = "wrong username, password or code";

    private final PeopleDirectory people;
    private final PasswordEncoder encoder;
    private final TotpReplayGuard replayGuard;
    private final Clock clock;
    private final String dummyHash;

    PersonAuthenticationProvider(PeopleDirectory people, PasswordEncoder encoder, TotpReplayGuard replayGuard,
                                 Clock clock) {
        this.people = people;
        this.encoder = encoder;
        this.replayGuard = replayGuard;
        this.clock = clock;
        this.dummyHash = encoder.encode("no-such-person");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        var person = people.find(username);
        boolean passwordOk = encoder.matches(password, person.map(PeopleDirectory.Person::passwordHash).orElse(dummyHash));
        if (person.isEmpty() || !passwordOk) {
            throw new BadCredentialsException(FAILED);
        }
        String code = authentication.getDetails() instanceof TotpAuthenticationDetails details ? details.code() : null;
        long step = Totp.matchingStep(person.get().totpSecret(), code, clock.instant());
        if (step < 0 || !replayGuard.claim(username, step)) {
            throw new BadCredentialsException(FAILED);
        }
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + person.get().role().name())));
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
