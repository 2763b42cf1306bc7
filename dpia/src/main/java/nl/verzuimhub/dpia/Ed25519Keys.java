package nl.verzuimhub.dpia;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys in their standard encodings, with the JDK's own provider: the private key as PKCS#8, the public key as
 * X.509 SubjectPublicKeyInfo, both base64 in configuration and exports.
 */
public final class Ed25519Keys {
    private Ed25519Keys() {
    }

    public static PrivateKey privateKey(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance(Checkpoint.ALGORITHM).generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    public static PublicKey publicKey(String x509Base64) {
        try {
            return KeyFactory.getInstance(Checkpoint.ALGORITHM).generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(x509Base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
        }
    }

    /** The public half of a private key (Ed25519 derives it from the private key alone). */
    public static PublicKey publicKeyOf(PrivateKey privateKey) {
        try {
            // Signing with a throw-away generator would not help: derive the point by generating from the same seed.
            KeyPairGenerator generator = KeyPairGenerator.getInstance(Checkpoint.ALGORITHM);
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("the private key does not expose its bytes"));
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            KeyPair pair = generator.generateKeyPair();
            EdECPoint point = ((java.security.interfaces.EdECPublicKey) pair.getPublic()).getPoint();
            return KeyFactory.getInstance(Checkpoint.ALGORITHM)
                    .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the Ed25519 public key", e);
        }
    }

    public static String encode(PublicKey publicKey) {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public static String encode(PrivateKey privateKey) {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    /** A "random" source that returns the given seed, so the generator rebuilds the key pair of that seed. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
