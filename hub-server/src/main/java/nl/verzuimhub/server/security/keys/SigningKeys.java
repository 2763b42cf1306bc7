package nl.verzuimhub.server.security.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded authorization server's keys as its JWT encoder, its JWK set endpoint and the resource server see
 * them: one signing key (the newest), and every key not yet retired for verification. Read from the database and
 * cached for {@code refreshInterval}; a token with a key id the cache does not know triggers one early re-read, so
 * a rotation by another instance is seen at once.
 */
public final class SigningKeys {
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** A key id not found is looked up in the database again at most this often. */
    private static final Duration SAME_KEY_ID_GAP = Duration.ofSeconds(1);
    /** Whatever key ids arrive, miss-triggered re-reads happen at most this often (a flood of made-up ids). */
    private static final Duration ANY_MISS_GAP = Duration.ofMillis(50);
    private static final int MAX_REMEMBERED_MISSES = 10_000;

    private final SigningKeyStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration refreshInterval;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.EPOCH);
    private final Map<String, Instant> missedKeyIds = new ConcurrentHashMap<>();
    private volatile Instant lastMissReload = Instant.EPOCH;

    private record Snapshot(List<SigningKey> keys, Instant loadedAt) {
    }

    public SigningKeys(SigningKeyStore store, TransactionTemplate transactions, Clock clock, Duration refreshInterval) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    /** At start-up: make the first key if the database has none, and load. */
    public void initialise() {
        Integer resealed = transactions.execute(status -> store.resealUnderCurrentKey());
        if (resealed != null && resealed > 0) {
            log.info("Re-sealed {} token signing key(s) under the current key-encryption key", resealed);
        }
        Boolean made = transactions.execute(status -> store.ensureSigningKey(clock.instant()));
        if (Boolean.TRUE.equals(made)) {
            log.info("Made the first token signing key");
        }
        reload();
    }

    /** Rotates now: the new key signs at once, the old ones verify until {@code overlap} ends. */
    public String rotate(Duration overlap) {
        String kid = transactions.execute(status -> store.rotate(clock.instant(), overlap, null));
        log.info("Rotated the token signing key; new key id {}", kid);
        reload();
        return kid;
    }

    /** Scheduled upkeep: rotates when the signing key is older than {@code rotationInterval}, retires ended keys. */
    public void maintain(Duration rotationInterval, Duration overlap) {
        Instant now = clock.instant();
        String kid = transactions.execute(status -> store.rotate(now, overlap, rotationInterval));
        if (kid != null) {
            log.info("Scheduled rotation of the token signing key; new key id {}", kid);
        }
        List<String> retired = transactions.execute(status -> store.retireDue(now));
        if (retired != null && !retired.isEmpty()) {
            log.info("Retired token signing keys {}", retired);
        }
        reload();
    }

    /** Retires a replaced key at once; false if it is unknown, already retired, or still the signing key. */
    public boolean retireNow(String keyId) {
        Boolean done = transactions.execute(status -> store.retireNow(keyId, clock.instant()));
        reload();
        return Boolean.TRUE.equals(done);
    }

    /**
     * Re-reads the keys. When that fails after a first successful read (the database is away, or another instance
     * already re-sealed the keys under a new key-encryption key this one does not have), the keys read before stay
     * in use, and the failure is logged; the next refresh tries again.
     */
    public void reload() {
        Snapshot previous = snapshot;
        try {
            snapshot = new Snapshot(transactions.execute(status -> store.active()), clock.instant());
        } catch (RuntimeException e) {
            if (previous.keys().isEmpty()) {
                throw e;
            }
            snapshot = new Snapshot(previous.keys(), clock.instant());
            log.warn("Could not re-read the token signing keys; keeping the {} read before: {}",
                    previous.keys().size(), e.getMessage());
        }
    }

    /** Keys that still verify, newest first. */
    public List<SigningKey> verificationKeys() {
        Instant now = clock.instant();
        Snapshot current = fresh(now);
        return current.keys().stream().filter(key -> key.verifiesAt(now)).toList();
    }

    public SigningKey signingKey() {
        List<SigningKey> keys = verificationKeys();
        SigningKey newest = keys.isEmpty() ? null : keys.get(0);
        if (newest == null || newest.retireAt() != null) {
            reload();
            keys = verificationKeys();
            newest = keys.isEmpty() ? null : keys.get(0);
        }
        if (newest == null) {
            throw new IllegalStateException("no token signing key");
        }
        return newest;
    }

    /** For the JWK set endpoint and the resource server: every key that still verifies (public parts are published). */
    public JWKSource<SecurityContext> verificationSource() {
        return (selector, context) -> {
            List<JWK> found = selector.select(set(verificationKeys()));
            if (found.isEmpty() && unknownKeyId(selector)) {
                reloadForUnknown(selector.getMatcher().getKeyIDs());
                found = selector.select(set(verificationKeys()));
            }
            return found;
        };
    }

    /** For the JWT encoder: the signing key only. */
    public JWKSource<SecurityContext> signingSource() {
        return (selector, context) -> selector.select(new JWKSet(signingKey().jwk()));
    }

    private Snapshot fresh(Instant now) {
        Snapshot current = snapshot;
        if (current.loadedAt().plus(refreshInterval).isBefore(now)) {
            reload();
            current = snapshot;
        }
        return current;
    }

    /**
     * A token names a key id the cache does not hold: re-read at once unless that same id was looked up within
     * {@link #SAME_KEY_ID_GAP}, so another instance's rotation is seen by the very next token while a stream of
     * made-up ids cannot turn every request into a database read.
     */
    private void reloadForUnknown(Set<String> keyIds) {
        Instant now = clock.instant();
        boolean notTriedRecently = false;
        if (missedKeyIds.size() > MAX_REMEMBERED_MISSES) {
            missedKeyIds.clear();
        }
        for (String keyId : keyIds) {
            Instant previous = missedKeyIds.put(keyId, now);
            if (previous == null || previous.plus(SAME_KEY_ID_GAP).isBefore(now)) {
                notTriedRecently = true;
            }
        }
        if (notTriedRecently && lastMissReload.plus(ANY_MISS_GAP).isBefore(now)) {
            lastMissReload = now;
            reload();
        }
    }

    private static boolean unknownKeyId(JWKSelector selector) {
        JWKMatcher matcher = selector.getMatcher();
        return matcher.getKeyIDs() != null && !matcher.getKeyIDs().isEmpty();
    }

    private static JWKSet set(List<SigningKey> keys) {
        return new JWKSet(keys.stream().map(key -> (JWK) key.jwk()).toList());
    }
}
