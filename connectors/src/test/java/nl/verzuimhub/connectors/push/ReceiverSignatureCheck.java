package nl.verzuimhub.connectors.push;

// The Java example of docs/integration-guide.md, verbatim below this line (JDK only). Kept here so it is tested.
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

final class ReceiverSignatureCheck {
    /** True when the request is signed with our push secret and is at most 5 minutes old. */
    static boolean verify(String secret, String timestampHeader, byte[] body, String signatureHeader,
                          long nowEpochSeconds) throws Exception {
        long timestamp = Long.parseLong(timestampHeader);
        if (Math.abs(nowEpochSeconds - timestamp) > 300) {
            return false; // too old (or from the future): refuse replays
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestampHeader + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        StringBuilder hex = new StringBuilder("sha256=");
        for (byte b : expected) {
            hex.append(String.format("%02x", b));
        }
        return MessageDigest.isEqual(hex.toString().getBytes(StandardCharsets.US_ASCII),
                signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }
}
