package nl.verzuimhub.dpia;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed statement "the audit log's entry {@code lastEntryId} has chain hash {@code lastHash}" (table
 * {@code audit_checkpoint}). Because every hash covers all entries before it, one checkpoint vouches for the whole log
 * up to that entry; a verifier holding the public key needs nothing else from the hub.
 *
 * <p>The signature is Ed25519 over {@link #signedPayload()}, a fixed UTF-8 text:
 * {@code verzuimhub-audit-checkpoint/1\n<lastEntryId>\n<lastHash hex>\n<signedAt ISO-8601, microseconds>\n<keyId>\n}.
 *
 * @param id          the checkpoint's own number (not signed: it is only a handle)
 * @param keyId       names the key that signed, so that keys can be rotated
 */
public record Checkpoint(long id, long lastEntryId, byte[] lastHash, Instant signedAt, String keyId, byte[] signature) {
    public static final String ALGORITHM = "Ed25519";

    public Checkpoint {
        Objects.requireNonNull(lastHash, "lastHash");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        signedAt = signedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** Signs the chain head {@code (lastEntryId, lastHash)} now; the id is assigned when stored (0 until then). */
    public static Checkpoint sign(long lastEntryId, byte[] lastHash, Instant signedAt, String keyId, PrivateKey key) {
        Checkpoint unsigned = new Checkpoint(0, lastEntryId, lastHash, signedAt, keyId, new byte[0]);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(unsigned.signedPayload());
            return new Checkpoint(0, lastEntryId, lastHash, unsigned.signedAt(), keyId, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the checkpoint with an " + ALGORITHM + " key", e);
        }
    }

    /** The same checkpoint with its stored id. */
    public Checkpoint withId(long storedId) {
        return new Checkpoint(storedId, lastEntryId, lastHash, signedAt, keyId, signature);
    }

    /** True when {@code publicKey} signed exactly this statement. */
    public boolean verify(PublicKey publicKey) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(signedPayload());
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public byte[] signedPayload() {
        return ("verzuimhub-audit-checkpoint/1\n" + lastEntryId + "\n" + HexFormat.of().formatHex(lastHash) + "\n"
                + signedAt + "\n" + keyId + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
