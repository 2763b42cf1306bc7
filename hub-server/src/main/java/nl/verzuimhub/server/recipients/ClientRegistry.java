package nl.verzuimhub.server.recipients;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.verzuimhub.core.recipient.Organisation;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub's OAuth2 clients in table {@code client_registration}: seeded from {@code hub.recipients} at every start
 * (configuration overrides organisation, role, purposes and, when given, the secret), plus clients registered at
 * runtime. Secrets are stored only as hashes; a generated secret is shown once, at registration. Revocation is a
 * flag that the resource server consults on every request.
 */
public class ClientRegistry {
    private static final Logger log = LoggerFactory.getLogger(ClientRegistry.class);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final RecipientDirectory directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ClientRegistry(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, RecipientDirectory directory,
                          Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.directory = directory;
        this.clock = clock;
    }

    /** A runtime registration's result: the only moment the clear secret exists outside the client. */
    public record Registered(ClientRegistration registration, String secret) {
    }

    /** Writes the configured clients into the table and loads runtime clients into the directory. */
    @Transactional
    public void synchronise(Map<String, String> configuredSecrets) {
        Instant now = clock.instant();
        for (Recipient recipient : directory.all()) {
            if (!directory.isConfigured(recipient.clientId())) {
                continue;
            }
            String secret = configuredSecrets.get(recipient.clientId());
            Optional<ClientRegistration> stored = find(recipient.clientId());
            String hash = stored.map(ClientRegistration::secretHash).orElse(null);
            if (secret != null && !secret.isBlank() && (hash == null || !passwordEncoder.matches(secret, hash))) {
                hash = passwordEncoder.encode(secret);
            }
            upsert(recipient, hash, ClientRegistration.Source.CONFIGURATION, now);
        }
        refresh();
    }

    /**
     * Brings this instance's directory up to the table: runtime clients registered (by any instance) since are added,
     * clients revoked (by any instance) are taken out of decisions. Runs at start-up and every
     * {@code hub.cluster.directory-refresh} ({@link DirectoryRefresh}); changes nothing when nothing changed.
     */
    public void refresh() {
        for (ClientRegistration registration : all()) {
            if (registration.source() == ClientRegistration.Source.RUNTIME
                    && !directory.isConfigured(registration.clientId())
                    && !directory.find(registration.clientId()).equals(Optional.of(registration.recipient()))) {
                try {
                    directory.register(registration.recipient());
                } catch (IllegalArgumentException e) {
                    log.warn("Runtime client {} is not loaded: {}", registration.clientId(), e.getMessage());
                }
            }
            if (registration.revoked() && !directory.isRevoked(registration.clientId())) {
                directory.revoke(registration.clientId());
            }
        }
    }

    /** Registers a new client with a generated secret (returned once, stored hashed). */
    @Transactional
    public Registered register(Recipient recipient) {
        if (directory.isConfigured(recipient.clientId()) || find(recipient.clientId()).isPresent()) {
            throw new IllegalArgumentException("client '" + recipient.clientId() + "' already exists");
        }
        directory.register(recipient);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        upsert(recipient, passwordEncoder.encode(secret), ClientRegistration.Source.RUNTIME, clock.instant());
        log.info("Registered client {} with role {}", recipient.clientId(), recipient.role());
        return new Registered(find(recipient.clientId()).orElseThrow(), secret);
    }

    /**
     * Revokes a client: no new tokens, its existing tokens are refused from the next request on, this instance decides
     * nothing more for it, and no instance pushes it anything more (the dispatcher asks {@link #isRevoked}).
     */
    @Transactional
    public boolean revoke(String clientId) {
        int changed = jdbc.update("update client_registration set revoked = true, revoked_at = ?, updated_at = ?"
                + " where client_id = ? and not revoked", Timestamp.from(clock.instant()), Timestamp.from(clock.instant()),
                clientId);
        if (changed > 0) {
            directory.revoke(clientId);
            log.info("Revoked client {}", clientId);
        }
        return changed > 0;
    }

    /**
     * The recipient of a client: from the directory, or (for a client another instance registered since this one
     * started) from the table, then kept in the directory. Revoked clients are still returned; see {@link #isRevoked}.
     */
    public Optional<Recipient> recipient(String clientId) {
        Optional<Recipient> known = directory.find(clientId);
        if (known.isPresent() || clientId == null) {
            return known;
        }
        Optional<ClientRegistration> registered = find(clientId)
                .filter(r -> r.source() == ClientRegistration.Source.RUNTIME);
        registered.ifPresent(r -> directory.register(r.recipient()));
        return registered.map(ClientRegistration::recipient);
    }

    /** Consulted on every API request. A client the table does not know (an external issuer's) is not revoked. */
    public boolean isRevoked(String clientId) {
        List<Boolean> revoked = jdbc.queryForList("select revoked from client_registration where client_id = ?",
                Boolean.class, clientId);
        return !revoked.isEmpty() && revoked.get(0);
    }

    public Optional<ClientRegistration> find(String clientId) {
        return jdbc.query("select * from client_registration where client_id = ?", ClientRegistry::row, clientId)
                .stream().findFirst();
    }

    public List<ClientRegistration> all() {
        return jdbc.query("select * from client_registration order by client_id", ClientRegistry::row);
    }

    /** Replaces a stored hash (e.g. when the password encoder upgrades it). */
    @Transactional
    public void updateSecretHash(String clientId, String secretHash) {
        jdbc.update("update client_registration set secret_hash = ?, updated_at = ? where client_id = ?", secretHash,
                Timestamp.from(clock.instant()), clientId);
    }

    private void upsert(Recipient recipient, String secretHash, ClientRegistration.Source source, Instant now) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into client_registration (client_id,"
                    + " organisation_type, organisation_code, organisation_name, role, purposes, secret_hash, source,"
                    + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (client_id) do update"
                    + " set organisation_type = excluded.organisation_type, organisation_code = excluded.organisation_code,"
                    + " organisation_name = excluded.organisation_name, role = excluded.role, purposes = excluded.purposes,"
                    + " secret_hash = excluded.secret_hash, source = excluded.source, updated_at = excluded.updated_at");
            statement.setString(1, recipient.clientId());
            statement.setString(2, recipient.organisation().type().name());
            statement.setString(3, recipient.organisation().code());
            statement.setString(4, recipient.organisation().name());
            statement.setString(5, recipient.role().name());
            statement.setArray(6, connection.createArrayOf("text", recipient.purposes().toArray()));
            statement.setString(7, secretHash);
            statement.setString(8, source.name());
            statement.setTimestamp(9, Timestamp.from(now));
            statement.setTimestamp(10, Timestamp.from(now));
            return statement;
        });
    }

    private static ClientRegistration row(ResultSet rs, int row) throws SQLException {
        Array purposes = rs.getArray("purposes");
        Recipient recipient = new Recipient(rs.getString("client_id"),
                new Organisation(OrganisationType.valueOf(rs.getString("organisation_type")),
                        rs.getString("organisation_code"), rs.getString("organisation_name")),
                RecipientRole.valueOf(rs.getString("role")), List.of((String[]) purposes.getArray()));
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new ClientRegistration(recipient, rs.getString("secret_hash"),
                ClientRegistration.Source.valueOf(rs.getString("source")), rs.getBoolean("revoked"),
                revokedAt == null ? null : revokedAt.toInstant());
    }
}
