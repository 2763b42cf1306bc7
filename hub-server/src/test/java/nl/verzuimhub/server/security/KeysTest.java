package nl.verzuimhub.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeysTest {
    @Test
    void aMissingKeyStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> Keys.decode("hub.audit.subject-key", null))
                .hasMessageContaining("hub.audit.subject-key is not set");
        assertThatThrownBy(() -> Keys.decode("hub.audit.subject-key", "  "))
                .hasMessageContaining("hub.audit.subject-key is not set");
    }

    @Test
    void aShortOrMalformedKeyIsRefused() {
        assertThatThrownBy(() -> Keys.decode("k", Base64.getEncoder().encodeToString(new byte[31])))
                .hasMessageContaining("31 bytes");
        assertThatThrownBy(() -> Keys.decode("k", "not base64!")).hasMessageContaining("not valid base64");
    }

    @Test
    void aGoodKeyIsDecoded() {
        assertThat(Keys.decode("k", Base64.getEncoder().encodeToString(new byte[32]))).hasSize(32);
    }
}
