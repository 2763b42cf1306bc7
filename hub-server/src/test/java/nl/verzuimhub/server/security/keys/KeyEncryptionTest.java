package nl.verzuimhub.server.security.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyEncryptionTest {
    static final byte[] SECRET = "a private key, in PKCS#8 form".getBytes(StandardCharsets.UTF_8);
    final KeyEncryption encryption = new KeyEncryption(key('a'));

    @Test
    void whatIsSealedOpensWithTheSameKeyAndKeyIdOnly() {
        byte[] sealed = encryption.seal("kid-1", SECRET);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private key");
        assertThat(encryption.open("kid-1", sealed)).isEqualTo(SECRET);
        assertThat(encryption.seal("kid-1", SECRET)).as("a fresh nonce every time").isNotEqualTo(sealed);

        assertThatThrownBy(() -> new KeyEncryption(key('b')).open("kid-1", sealed))
                .hasMessageContaining("does not decrypt with the configured hub.security.key-encryption-key");
        assertThatThrownBy(() -> encryption.open("kid-2", sealed)).as("bound to its key id")
                .isInstanceOf(IllegalStateException.class);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> encryption.open("kid-1", altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFingerprintTellsKeysApartWithoutRevealingThem() {
        assertThat(encryption.fingerprint()).isEqualTo(new KeyEncryption(key('a')).fingerprint())
                .isNotEqualTo(new KeyEncryption(key('b')).fingerprint()).hasSize(16);
    }

    private static byte[] key(char fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
