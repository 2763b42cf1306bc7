package nl.verzuimhub.server.dashboard.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.verzuimhub.core.recipient.RecipientRole;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people who may log in, from configuration, checked at start-up: each needs a password (hash), a known role
 * and a TOTP secret, or the hub stops with a message naming the setting. Clear demo passwords are hashed here and
 * dropped.
 */
public final class PeopleDirectory {
    /** A person as the login needs them. Holds the password only as a hash. */
    public record Person(String username, String passwordHash, RecipientRole role, String organisation,
                         byte[] totpSecret) {
    }

    private final Map<String, Person> byUsername;

    public PeopleDirectory(PeopleProperties properties, PasswordEncoder encoder) {
        Map<String, PeopleProperties.Person> configured = properties.people() == null ? Map.of() : properties.people();
        List<String> problems = new ArrayList<>();
        Map<String, Person> people = new LinkedHashMap<>();
        configured.forEach((username, person) -> {
            String prefix = "hub.people." + username;
            String hash = person.passwordHash();
            if ((hash == null || hash.isBlank()) && person.password() != null && !person.password().isBlank()) {
                hash = encoder.encode(person.password());
            } else if (hash != null && hash.startsWith("$2")) {
                hash = "{bcrypt}" + hash;
            }
            if (hash == null || hash.isBlank()) {
                problems.add(prefix + ".password-hash is missing (a bcrypt hash)");
                return;
            }
            RecipientRole role;
            try {
                role = RecipientRole.valueOf(String.valueOf(person.role()));
            } catch (IllegalArgumentException e) {
                problems.add(prefix + ".role must be one of " + List.of(RecipientRole.values()) + ", was " + person.role());
                return;
            }
            byte[] secret;
            try {
                secret = person.totpSecret() == null ? new byte[0] : Base32.decode(person.totpSecret());
            } catch (IllegalArgumentException e) {
                problems.add(prefix + ".totp-secret is not base32: " + e.getMessage());
                return;
            }
            if (secret.length < 10) {
                problems.add(prefix + ".totp-secret is missing or shorter than 80 bits (16 base32 characters)");
                return;
            }
            people.put(username, new Person(username, hash, role, person.organisation(), secret));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid people settings:\n  " + String.join("\n  ", problems));
        }
        this.byUsername = Map.copyOf(people);
    }

    public Optional<Person> find(String username) {
        return Optional.ofNullable(username == null ? null : byUsername.get(username));
    }
}
