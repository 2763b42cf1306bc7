package nl.verzuimhub.server.security.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.verzuimhub.server.database.MigratedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating the key-encryption key: the stored signing keys are sealed again under the new key at start-up when the
 * old one is listed as previous, and stay the same keys (tokens they signed keep verifying); the old key alone, or
 * the new key without the old one listed, cannot read them, and the message says what to do.
 */
class KeyEncryptionRotationTest {
    static final KeyEncryption OLD = kek("rotation-test-old-key-encryption-key-000001");
    static final KeyEncryption NEW = kek("rotation-test-new-key-encryption-key-000002");
    static MigratedPostgres postgres;
    static JdbcTemplate jdbc;
    static TransactionTemplate tx;

    @BeforeAll
    static void database() {
        postgres = MigratedPostgres.start();
        jdbc = postgres.jdbc();
        tx = postgres.tx();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theSigningKeysAreSealedAgainUnderTheNewKeyAndStayTheSameKeys() throws Exception {
        SigningKeyStore before = new SigningKeyStore(jdbc, OLD);
        tx.executeWithoutResult(s -> before.ensureSigningKey(Instant.parse("2026-11-23T08:00:00Z")));
        SigningKey original = tx.execute(s -> before.active()).get(0);
        SigningKeys instanceOnTheOldKey = new SigningKeys(before, tx, java.time.Clock.systemUTC(),
                java.time.Duration.ofSeconds(30));
        instanceOnTheOldKey.initialise();

        SigningKeyStore withoutPrevious = new SigningKeyStore(jdbc, NEW);
        assertThat(reseal(withoutPrevious)).isZero();
        assertThatThrownBy(() -> tx.execute(s -> withoutPrevious.active())).hasMessageContaining("another")
                .hasMessageContaining("hub.security.previous-key-encryption-keys");

        SigningKeyStore after = new SigningKeyStore(jdbc, NEW, List.of(OLD));
        assertThat(reseal(after)).isEqualTo(1);
        assertThat(reseal(after)).as("once is enough").isZero();
        SigningKey resealed = tx.execute(s -> after.active()).get(0);
        assertThat(resealed.keyId()).isEqualTo(original.keyId());
        assertThat(resealed.jwk().toRSAPrivateKey()).isEqualTo(original.jwk().toRSAPrivateKey());
        assertThat(jdbc.queryForObject("select kek_fingerprint from signing_key where kid = ?", String.class,
                original.keyId())).isEqualTo(NEW.fingerprint());

        assertThatThrownBy(() -> tx.execute(s -> before.active())).as("the old key no longer opens it")
                .hasMessageContaining("another");
        instanceOnTheOldKey.reload();
        assertThat(instanceOnTheOldKey.signingKey().keyId()).as("an instance not yet restarted keeps what it read")
                .isEqualTo(original.keyId());
    }

    private static int reseal(SigningKeyStore store) {
        Integer resealed = tx.execute(s -> store.resealUnderCurrentKey());
        return resealed == null ? -1 : resealed;
    }

    private static KeyEncryption kek(String value) {
        return new KeyEncryption(value.getBytes(StandardCharsets.US_ASCII));
    }
}
