package nl.verzuimhub.dpia;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The hash chain over the audit log: {@code hash(n) = SHA-256(hash(n-1) || canonical(n))}, starting from
 * {@link #GENESIS} (32 zero bytes).
 *
 * <p>The canonical form is a versioned, length-prefixed binary encoding of every stored part of the entry, so that
 * changing, removing or reordering anything changes the hash. Changing this encoding changes every hash: add a new
 * format version instead, and keep verifying old entries with the old one.
 */
public final class AuditChain {
    /** The previous hash of entry 1. */
    public static final byte[] GENESIS = new byte[32];
    static final byte FORMAT_VERSION = 1;

    private AuditChain() {
    }

    public static byte[] hash(byte[] previousHash, long id, AuditEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash);
        sha256.update(canonical(id, event));
        return sha256.digest();
    }

    static byte[] canonical(long id, AuditEvent e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(id);
            out.writeLong(epochMicros(e.occurredAt()));
            writeString(out, e.action().name());
            writeString(out, e.outcome().name());
            writeString(out, e.channel() == null ? null : e.channel().name());
            writeString(out, e.recipientId());
            writeString(out, e.organisation());
            writeString(out, e.role());
            writeString(out, e.purposeId());
            writeString(out, e.legalBasis());
            writeString(out, e.policyId());
            writeString(out, e.policyVersion());
            writeString(out, e.decisionId());
            writeString(out, e.recordKind());
            writeString(out, e.recordId());
            out.writeBoolean(e.recordVersion() != null);
            out.writeInt(e.recordVersion() == null ? 0 : e.recordVersion());
            writeString(out, e.subjectHash());
            writeStrings(out, e.fields());
            writeString(out, e.reason());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
