package nl.verzuimhub.server.dashboard.login;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * People who log in with a browser (privacy officers), keyed by username: {@code hub.people.<username>.*}.
 *
 * @param people username to the person's settings
 */
@ConfigurationProperties("hub")
public record PeopleProperties(Map<String, Person> people) {

    /**
     * @param passwordHash  bcrypt hash ({@code {bcrypt}$2a$...} or a bare {@code $2a$...}); required outside demos
     * @param password      demo only: a clear password that is hashed at start-up and never kept in clear
     * @param role          a {@code RecipientRole} name; only PRIVACY_OFFICER may use the dashboard
     * @param organisation  the organisation code the person acts for (goes into the audit entries)
     * @param totpSecret    base32 TOTP secret (RFC 6238, HMAC-SHA1, 30 s, 6 digits): the second factor
     */
    public record Person(String passwordHash, String password, String role, String organisation, String totpSecret) {
    }
}
