package nl.verzuimhub.server.security.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The signing keys in table {@code signing_key}: public part as a JWK, private part sealed by {@link KeyEncryption}.
 * Rotation and retirement take a transaction-scoped advisory lock, so several instances never rotate twice.
 * Callers run these in a transaction.
 */
public final class SigningKeyStore {
    private static final long LOCK = 0x7665727a75696dL; // "verzuim"

    private final JdbcTemplate jdbc;
    private final KeyEncryption encryption;
    private final List<KeyEncryption> previous;

    public SigningKeyStore(JdbcTemplate jdbc, KeyEncryption encryption) {
        this(jdbc, encryption, List.of());
    }

    /** @param previous key-encryption keys that were current before, only to re-seal what they sealed */
    public SigningKeyStore(JdbcTemplate jdbc, KeyEncryption encryption, List<KeyEncryption> previous) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.previous = List.copyOf(previous);
    }

    /**
     * Key-encryption-key rotation: every private key still sealed under one of the previous key-encryption keys is
     * opened with it and sealed again under the current one. A key sealed under a key that is neither current nor
     * listed stays as it is (and {@link #active} reports it). Returns how many keys were re-sealed.
     */
    public int resealUnderCurrentKey() {
        lock();
        List<Map<String, Object>> stale = jdbc.queryForList("select kid, private_key_sealed, kek_fingerprint"
                + " from signing_key where private_key_sealed is not null and kek_fingerprint <> ?",
                encryption.fingerprint());
        int resealed = 0;
        for (Map<String, Object> row : stale) {
            String kid = (String) row.get("kid");
            for (KeyEncryption old : previous) {
                if (old.fingerprint().equals(row.get("kek_fingerprint"))) {
                    byte[] plain = old.open(kid, (byte[]) row.get("private_key_sealed"));
                    try {
                        jdbc.update("update signing_key set private_key_sealed = ?, kek_fingerprint = ? where kid = ?",
                                encryption.seal(kid, plain), encryption.fingerprint(), kid);
                    } finally {
                        java.util.Arrays.fill(plain, (byte) 0);
                    }
                    resealed++;
                    break;
                }
            }
        }
        return resealed;
    }

    /** Keys that have not been retired, newest first (the first is the signing key). */
    public List<SigningKey> active() {
        return jdbc.query("select kid, public_jwk, private_key_sealed, kek_fingerprint, created_at, retire_at"
                + " from signing_key where retired_at is null order by created_at desc, kid", (rs, row) -> {
            String kid = rs.getString("kid");
            String fingerprint = rs.getString("kek_fingerprint");
            if (!encryption.fingerprint().equals(fingerprint)) {
                throw new IllegalStateException("signing key " + kid + " was sealed with another"
                        + " hub.security.key-encryption-key (fingerprint " + fingerprint + ", configured "
                        + encryption.fingerprint() + "); after changing the key, list the old one under"
                        + " hub.security.previous-key-encryption-keys");
            }
            Timestamp retireAt = rs.getTimestamp("retire_at");
            return new SigningKey(kid, withPrivate(rs.getString("public_jwk"), kid, rs.getBytes("private_key_sealed")),
                    rs.getTimestamp("created_at").toInstant(), retireAt == null ? null : retireAt.toInstant());
        });
    }

    /** Makes a first key when there is none that signs. Returns true if it made one. */
    public boolean ensureSigningKey(Instant now) {
        lock();
        Integer signing = jdbc.queryForObject("select count(*) from signing_key where retired_at is null"
                + " and retire_at is null", Integer.class);
        if (signing != null && signing > 0) {
            return false;
        }
        insert(now);
        return true;
    }

    /**
     * A new key signs from now on; the keys it replaces keep verifying for {@code overlap}.
     *
     * @param onlyIfOlderThan rotate only if the current signing key is at least this old (null: always)
     * @return the new key id, or null when no rotation was due
     */
    public String rotate(Instant now, Duration overlap, Duration onlyIfOlderThan) {
        lock();
        if (onlyIfOlderThan != null) {
            Timestamp newest = jdbc.queryForObject("select max(created_at) from signing_key where retired_at is null"
                    + " and retire_at is null", Timestamp.class);
            if (newest != null && newest.toInstant().plus(onlyIfOlderThan).isAfter(now)) {
                return null;
            }
        }
        jdbc.update("update signing_key set retire_at = ? where retired_at is null and retire_at is null",
                Timestamp.from(now.plus(overlap)));
        return insert(now);
    }

    /** Retires the keys whose overlap has ended. Returns their ids. */
    public List<String> retireDue(Instant now) {
        lock();
        List<String> due = jdbc.queryForList("select kid from signing_key where retired_at is null"
                + " and retire_at is not null and retire_at <= ?", String.class, Timestamp.from(now));
        retire(due, now);
        return due;
    }

    /** Retires one key at once (e.g. when it may be compromised); refuses the only signing key. */
    public boolean retireNow(String keyId, Instant now) {
        lock();
        Integer replaced = jdbc.queryForObject("select count(*) from signing_key where kid = ? and retired_at is null"
                + " and retire_at is not null", Integer.class, keyId);
        if (replaced == null || replaced == 0) {
            return false;
        }
        retire(List.of(keyId), now);
        return true;
    }

    private void retire(List<String> keyIds, Instant now) {
        for (String kid : keyIds) {
            // The private part is erased: a retired key never signs or verifies again.
            jdbc.update("update signing_key set retired_at = ?, private_key_sealed = null where kid = ?",
                    Timestamp.from(now), kid);
        }
    }

    private String insert(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            RSAKey publicJwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build();
            jdbc.update("insert into signing_key (kid, algorithm, public_jwk, private_key_sealed, kek_fingerprint,"
                            + " created_at) values (?, 'RS256', ?, ?, ?, ?)", kid, publicJwk.toJSONString(),
                    encryption.seal(kid, pair.getPrivate().getEncoded()), encryption.fingerprint(), Timestamp.from(now));
            return kid;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private RSAKey withPrivate(String publicJwk, String kid, byte[] sealed) {
        try {
            RSAKey publicKey = JWK.parse(publicJwk).toRSAKey();
            byte[] pkcs8 = encryption.open(kid, sealed);
            RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).build();
        } catch (ParseException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + kid + " cannot be read", e);
        }
    }

    private void lock() {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, LOCK);
    }
}
