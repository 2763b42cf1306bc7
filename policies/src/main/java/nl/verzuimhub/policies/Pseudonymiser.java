package nl.verzuimhub.policies;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-recipient pseudonyms: {@code HMAC-SHA256(recipientKey, identifier)}, where each recipient's key is derived
 * from one master key and the recipient's client id.
 *
 * <p>Contract: the same identifier gives the same pseudonym for the same recipient at every call and every start
 * (as long as the master key stays), and different pseudonyms for different recipients, so two recipients cannot
 * link their data by pseudonym. Without the master key a pseudonym cannot be turned back into the identifier.
 *
 * <p>Cost: each recipient's key is derived once; each thread keeps one {@link Mac} initialised with that key and reuses
 * it ({@link Mac#doFinal} resets it), so a computation allocates no new {@code Mac}. Results are kept in a bounded
 * per-recipient cache ({@value #CACHE_LIMIT} entries, emptied when full), so a pupil seen again costs a map lookup.
 * The cache holds identifiers in memory only, like the records themselves. Thread-safe.
 */
public final class Pseudonymiser {
    static final int CACHE_LIMIT = 50_000;
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] masterKey;
    private final Map<String, RecipientKey> recipientKeys = new ConcurrentHashMap<>();

    /** @param masterKey at least 32 bytes of secret key material */
    public Pseudonymiser(byte[] masterKey) {
        if (masterKey == null || masterKey.length < 32) {
            throw new IllegalArgumentException("the pseudonym master key must be at least 32 bytes");
        }
        this.masterKey = masterKey.clone();
    }

    /** The recipient's pseudonym for a BSN or onderwijsnummer: 32 lowercase hex characters. */
    public String pseudonym(String recipientId, String identifier) {
        RecipientKey key = recipientKeys.get(recipientId);
        if (key == null) {
            key = recipientKeys.computeIfAbsent(recipientId, id -> new RecipientKey(hmac(masterKey, "pseudonym-key:" + id)));
        }
        return key.pseudonym(identifier);
    }

    private static byte[] hmac(byte[] key, String message) {
        return mac(key).doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static final class RecipientKey {
        /** This recipient's keyed MAC, one per thread: a {@code Mac} is not thread-safe, but reusable. */
        private final ThreadLocal<Mac> macs;
        private final Map<String, String> cache = new ConcurrentHashMap<>();

        RecipientKey(byte[] key) {
            this.macs = ThreadLocal.withInitial(() -> mac(key));
        }

        String pseudonym(String identifier) {
            String cached = cache.get(identifier);
            if (cached != null) {
                return cached;
            }
            byte[] digest = macs.get().doFinal(identifier.getBytes(StandardCharsets.UTF_8));
            String pseudonym = HEX.formatHex(digest, 0, 16);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(identifier, pseudonym);
            return pseudonym;
        }
    }
}
