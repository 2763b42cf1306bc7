package nl.verzuimhub.server.security.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private key material with AES-256-GCM under the configured key-encryption key. The key id is bound in as
 * associated data, so a sealed key copied onto another row does not open. Layout: 12-byte nonce, then ciphertext
 * with its 16-byte tag. Plain class.
 */
public final class KeyEncryption {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String fingerprint;
    private final SecureRandom random = new SecureRandom();

    /** @param keyEncryptionKey at least 32 bytes; the AES key is its SHA-256, so any length works the same way */
    public KeyEncryption(byte[] keyEncryptionKey) {
        byte[] aesKey = sha256("verzuimhub signing-key encryption".getBytes(StandardCharsets.UTF_8), keyEncryptionKey);
        this.key = new SecretKeySpec(aesKey, "AES");
        this.fingerprint = HexFormat.of().formatHex(sha256("fingerprint".getBytes(StandardCharsets.UTF_8), aesKey), 0, 8);
    }

    /** Identifies the key-encryption key without revealing it, so a wrong key is reported as such. */
    public String fingerprint() {
        return fingerprint;
    }

    public byte[] seal(String keyId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt signing key " + keyId, e);
        }
    }

    /** @throws IllegalStateException when the key-encryption key is not the one that sealed it, or the data changed */
    public byte[] open(String keyId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + keyId + " does not decrypt with the configured"
                    + " hub.security.key-encryption-key (wrong key, or the stored key was altered)", e);
        }
    }

    private static byte[] sha256(byte[] label, byte[] value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(label);
            byte[] result = digest.digest(value);
            Arrays.fill(label, (byte) 0);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
