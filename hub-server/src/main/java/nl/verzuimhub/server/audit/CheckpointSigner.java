package nl.verzuimhub.server.audit;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import nl.verzuimhub.dpia.Checkpoint;
import nl.verzuimhub.dpia.Ed25519Keys;

/** The hub's checkpoint key: signs chain heads, and tells verifiers which public key to use. */
public final class CheckpointSigner {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    CheckpointSigner(PrivateKey privateKey, String keyId) {
        this.privateKey = privateKey;
        this.publicKey = Ed25519Keys.publicKeyOf(privateKey);
        this.keyId = keyId;
    }

    Checkpoint sign(long lastEntryId, byte[] lastHash, Instant now) {
        return Checkpoint.sign(lastEntryId, lastHash, now, keyId, privateKey);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }
}
