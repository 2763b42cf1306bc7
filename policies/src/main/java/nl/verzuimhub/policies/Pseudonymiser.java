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
 */
public final class Pseudonymiser {
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] masterKey;
    private final Map<String, byte[]> recipientKeys = new ConcurrentHashMap<>();

    /** @param masterKey at least 32 bytes of secret key material */
    public Pseudonymiser(byte[] masterKey) {
        if (masterKey == null || masterKey.length < 32) {
            throw new IllegalArgumentException("the pseudonym master key must be at least 32 bytes");
        }
        this.masterKey = masterKey.clone();
    }

    /** The recipient's pseudonym for a BSN or onderwijsnummer: 32 lowercase hex characters. */
    public String pseudonym(String recipientId, String identifier) {
        byte[] key = recipientKeys.computeIfAbsent(recipientId,
                id -> hmac(masterKey, "pseudonym-key:" + id));
        byte[] digest = hmac(key, identifier);
        return HEX.formatHex(digest, 0, 16);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
