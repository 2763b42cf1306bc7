package nl.verzuimhub.dpia;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The hash chain over the audit log: {@code hash(n) = SHA-256(hash(n-1) || canonical(n))}, starting from
 * {@link #GENESIS} (32 zero bytes).
 *
 * <p>The canonical form is a versioned, length-prefixed binary encoding of every stored part of the entry, so that
 * changing, removing or reordering anything changes the hash. Changing this encoding changes every hash: add a new
 * format version instead, and keep verifying old entries with the old one.
 *
 * <p>Format 1: format byte, id, time in epoch microseconds, then action, outcome, channel, recipient, organisation,
 * role, purpose, legal basis, policy id, policy version, decision id, record kind, record id, record version
 * (presence flag + int), subject hash, fields (count + strings), reason. Format 2 (written since the trace and user
 * parts exist) appends trace id, span id, processing activity, acting user and on-behalf-of. Strings are an int
 * byte length (-1 for null) and UTF-8 bytes; numbers are big-endian.
 */
public final class AuditChain {
    /** The previous hash of entry 1. */
    public static final byte[] GENESIS = new byte[32];
    /** The format new entries are chained in. */
    public static final int CURRENT_FORMAT = 2;

    private AuditChain() {
    }

    /** The hash of an entry in the current format. */
    public static byte[] hash(byte[] previousHash, long id, AuditEvent event) {
        return hash(CURRENT_FORMAT, previousHash, id, event);
    }

    public static byte[] hash(int format, byte[] previousHash, long id, AuditEvent event) {
        return hashCanonical(previousHash, canonical(format, id, event));
    }

    /** {@code SHA-256(previousHash || canonical)}: what a verifier computes over an exported canonical form. */
    public static byte[] hashCanonical(byte[] previousHash, byte[] canonical) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash);
        sha256.update(canonical);
        return sha256.digest();
    }

    /** The canonical form of an entry in the given hash format (1 or 2). */
    public static byte[] canonical(int format, long id, AuditEvent e) {
        if (format != 1 && format != 2) {
            throw new IllegalArgumentException("unknown audit hash format " + format);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(384);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(format);
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
            if (format >= 2) {
                writeString(out, e.traceId());
                writeString(out, e.spanId());
                writeString(out, e.processingActivity());
                writeString(out, e.actingUser());
                writeString(out, e.onBehalfOf());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** An entry read back from its canonical form. */
    public record Decoded(int format, long id, AuditEvent event) {
    }

    /**
     * Reads a canonical form back (the inverse of {@link #canonical}); throws {@link IllegalArgumentException} when
     * the bytes are not a well-formed canonical form of a known format.
     */
    public static Decoded decode(byte[] canonical) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(canonical))) {
            int format = in.readUnsignedByte();
            if (format != 1 && format != 2) {
                throw new IllegalArgumentException("unknown audit hash format " + format);
            }
            long id = in.readLong();
            Instant occurredAt = Instant.EPOCH.plus(in.readLong(), ChronoUnit.MICROS);
            AuditEvent.Builder event = AuditEvent.builder(occurredAt,
                    AuditAction.valueOf(readString(in)), AuditOutcome.valueOf(readString(in)));
            String channel = readString(in);
            event.channel(channel == null ? null : AuditChannel.valueOf(channel)).recipientId(readString(in))
                    .organisation(readString(in)).role(readString(in)).purposeId(readString(in))
                    .legalBasis(readString(in)).policyId(readString(in)).policyVersion(readString(in))
                    .decisionId(readString(in)).recordKind(readString(in)).recordId(readString(in));
            boolean hasVersion = in.readBoolean();
            int version = in.readInt();
            event.recordVersion(hasVersion ? version : null).subjectHash(readString(in)).fields(readStrings(in))
                    .reason(readString(in));
            if (format >= 2) {
                event.traceId(readString(in)).spanId(readString(in)).processingActivity(readString(in))
                        .actingUser(readString(in)).onBehalfOf(readString(in));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after the canonical form");
            }
            return new Decoded(format, id, event.build());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a canonical audit entry: " + e.getMessage(), e);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("bad string length " + length);
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count == -1) {
            return null;
        }
        if (count < 0 || count > in.available()) {
            throw new IOException("bad list length " + count);
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString(in));
        }
        return values;
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
