package nl.verzuimhub.dpia;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit log's name for a data subject: {@code HMAC-SHA256(key, identifier)} in hex, for a BSN or
 * onderwijsnummer (the two never collide: their check digits differ).
 *
 * <p>Contract: the same identifier always gives the same hash under the same key, so a privacy officer can search
 * by BSN, while the log itself never holds the BSN and cannot be reversed without the key. The key comes from
 * configuration; rotating it means re-keying the stored hashes (see docs).
 */
public final class SubjectHasher {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    /** @param key at least 32 bytes of secret key material */
    public SubjectHasher(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the audit subject key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String hash(String identifier) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
