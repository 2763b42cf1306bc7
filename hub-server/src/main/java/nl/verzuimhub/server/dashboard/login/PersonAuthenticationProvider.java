package nl.verzuimhub.server.dashboard.login;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
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
 * the form does not reveal which factor was wrong, whether the username exists, or whether the person is locked
 * out. The password is checked even for unknown usernames and locked-out people, to keep the timing alike. A
 * configured person's consecutive failures are counted ({@link LoginGuard}); the failure that locks the person out
 * is reported to {@code onLockout} (an audit entry), and while locked even the right password and code fail.
 */
final class PersonAuthenticationProvider implements AuthenticationProvider {
    static final String FAILED = "wrong username, password or code";

    private final PeopleDirectory people;
    private final PasswordEncoder encoder;
    private final LoginGuard guard;
    private final Consumer<PeopleDirectory.Person> onLockout;
    private final Clock clock;
    private final String dummyHash;

    PersonAuthenticationProvider(PeopleDirectory people, PasswordEncoder encoder, LoginGuard guard,
                                 Consumer<PeopleDirectory.Person> onLockout, Clock clock) {
        this.people = people;
        this.encoder = encoder;
        this.guard = guard;
        this.onLockout = onLockout;
        this.clock = clock;
        this.dummyHash = encoder.encode("no-such-person");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        var person = people.find(username);
        boolean passwordOk = encoder.matches(password, person.map(PeopleDirectory.Person::passwordHash).orElse(dummyHash));
        if (person.isEmpty() || guard.isLocked(username)) {
            throw new BadCredentialsException(FAILED);
        }
        String code = authentication.getDetails() instanceof TotpAuthenticationDetails details ? details.code() : null;
        long step = passwordOk ? Totp.matchingStep(person.get().totpSecret(), code, clock.instant()) : -1;
        if (step < 0 || !guard.claimStep(username, step)) {
            if (guard.recordFailure(username)) {
                onLockout.accept(person.get());
            }
            throw new BadCredentialsException(FAILED);
        }
        guard.recordSuccess(username);
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
