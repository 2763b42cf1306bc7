package nl.verzuimhub.connectors.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The integration guide's signature examples agree with what the hub sends. */
class IntegrationGuideExamplesTest {
    static final String SECRET = "push-secret-for-tests-0001";
    static final byte[] BODY = "{\"items\":[],\"next\":\"0\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theJavaExampleAcceptsTheHubsSignatureAndRefusesTamperingAndOldRequests() throws Exception {
        long now = 1795395600L;
        String signature = Signature.sign(SECRET, now, BODY);
        assertThat(ReceiverSignatureCheck.verify(SECRET, Long.toString(now), BODY, signature, now + 10)).isTrue();
        assertThat(ReceiverSignatureCheck.verify(SECRET, Long.toString(now), "{\"items\":[1]}".getBytes(StandardCharsets.UTF_8),
                signature, now)).isFalse();
        assertThat(ReceiverSignatureCheck.verify("wrong-secret-00000001", Long.toString(now), BODY, signature, now)).isFalse();
        assertThat(ReceiverSignatureCheck.verify(SECRET, Long.toString(now), BODY, signature, now + 301)).isFalse();
    }

    @Test
    void theOpensslVectorInTheGuideIsWhatTheHubComputes() throws Exception {
        // printf '%s' '1795395600.{"items":[],"next":"0"}' | openssl dgst -sha256 -hmac 'push-secret-for-tests-0001'
        String fromOpenssl = "761500fbdb6f67d13fb7e1de3dc841b1c4f1e24e2c15e8b68d25c467bbf5c344";
        assertThat(Signature.sign(SECRET, 1795395600L, BODY)).isEqualTo("sha256=" + fromOpenssl);
        Path guide = Path.of("..", "docs", "integration-guide.md");
        String text = Files.readString(guide);
        assertThat(text).contains(fromOpenssl);
        String example = Files.readString(Path.of("src/test/java/nl/verzuimhub/connectors/push/ReceiverSignatureCheck.java"));
        String verbatim = example.substring(example.indexOf("    /** True when"), example.lastIndexOf('}'));
        assertThat(text).as("the guide shows the tested Java example verbatim").contains(verbatim.strip());
    }
}
