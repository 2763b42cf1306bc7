package nl.verzuimhub.dpia;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
 * parts exist) appends trace id, span id, processing activity, acting user and on-behalf-of. Format 3 (an entry that
 * records a batch with its items, {@link AuditItem}: a served feed page, a push entry) is format 2 followed by the
 * items: their count (-1 for none), then per item its delivery id (long), decision id, record kind, record id, record
 * version (int), action, subject hash, policy id, policy version and fields (count + strings), so no item can be added,
 * dropped, reordered or changed without changing the hash. Formats 1 and 2 cannot hold items. Strings are an int byte
 * length (-1 for null) and UTF-8 bytes; numbers are big-endian.
 */
public final class AuditChain {
    /** The previous hash of entry 1. */
    public static final byte[] GENESIS = new byte[32];
    /** The format new entries are chained in. */
    public static final int CURRENT_FORMAT = 2;
    /** The format of entries with items ({@link AuditEvent#items()}). */
    public static final int ITEMS_FORMAT = 3;

    private AuditChain() {
    }

    /** The hash of an entry in the current format. */
    public static byte[] hash(byte[] previousHash, long id, AuditEvent event) {
        return hash(CURRENT_FORMAT, previousHash, id, event);
    }

    public static byte[] hash(int format, byte[] previousHash, long id, AuditEvent event) {
        return new Hasher().hash(format, previousHash, id, event);
    }

    /** {@code SHA-256(previousHash || canonical)}: what a verifier computes over an exported canonical form. */
    public static byte[] hashCanonical(byte[] previousHash, byte[] canonical) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash);
        sha256.update(canonical);
        return sha256.digest();
    }

    /** Whether entries of this hash format can be verified and stored (1, 2 or 3). */
    public static boolean isKnownFormat(int format) {
        return format >= 1 && format <= ITEMS_FORMAT;
    }

    /** The canonical form of an entry in the given hash format (1, 2 or 3). */
    public static byte[] canonical(int format, long id, AuditEvent e) {
        Canonical canonical = new Canonical();
        canonical.write(format, id, e);
        return Arrays.copyOf(canonical.out.array(), canonical.out.length());
    }

    /**
     * Hashes entry after entry with one digest and one buffer, so a batch allocates little besides the hashes
     * (the writer's chain loop). Gives exactly {@link #hash(int, byte[], long, AuditEvent)}. Not thread-safe.
     */
    public static final class Hasher {
        private final MessageDigest sha256 = sha256();
        private final Canonical canonical = new Canonical();

        public byte[] hash(int format, byte[] previousHash, long id, AuditEvent event) {
            canonical.write(format, id, event);
            sha256.update(previousHash);
            sha256.update(canonical.out.array(), 0, canonical.out.length());
            return sha256.digest();
        }
    }

    /** Writes the canonical form (see the class comment) into a reusable, growing byte array. */
    private static final class Canonical {
        private final GrowingBytes out = new GrowingBytes(512);

        void write(int format, long id, AuditEvent e) {
            if (!isKnownFormat(format)) {
                throw new IllegalArgumentException("unknown audit hash format " + format);
            }
            if (format < ITEMS_FORMAT && e.items() != null) {
                throw new IllegalArgumentException("hash format " + format + " cannot hold items");
            }
            out.clear();
            out.ensure(17).putByte(format);
            out.putLong(id);
            out.putLong(epochMicros(e.occurredAt()));
            string(e.action().name());
            string(e.outcome().name());
            string(e.channel() == null ? null : e.channel().name());
            string(e.recipientId());
            string(e.organisation());
            string(e.role());
            string(e.purposeId());
            string(e.legalBasis());
            string(e.policyId());
            string(e.policyVersion());
            string(e.decisionId());
            string(e.recordKind());
            string(e.recordId());
            out.ensure(5).putByte(e.recordVersion() != null ? 1 : 0);
            out.putInt(e.recordVersion() == null ? 0 : e.recordVersion());
            string(e.subjectHash());
            strings(e.fields());
            string(e.reason());
            if (format >= 2) {
                string(e.traceId());
                string(e.spanId());
                string(e.processingActivity());
                string(e.actingUser());
                string(e.onBehalfOf());
            }
            if (format >= ITEMS_FORMAT) {
                items(e.items());
            }
        }

        private void items(List<AuditItem> items) {
            out.ensure(4).putInt(items == null ? -1 : items.size());
            if (items == null) {
                return;
            }
            for (AuditItem item : items) {
                out.ensure(8).putLong(item.deliveryId());
                string(item.decisionId());
                string(item.recordKind());
                string(item.recordId());
                out.ensure(4).putInt(item.recordVersion());
                string(item.action().name());
                string(item.subjectHash());
                string(item.policyId());
                string(item.policyVersion());
                strings(item.fields());
            }
        }

        /** An int byte length (-1 for null) and the UTF-8 bytes. */
        private void string(String value) {
            if (value == null) {
                out.ensure(4).putInt(-1);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8); // for ASCII text an intrinsic check and a copy
            out.ensure(4 + utf8.length).putInt(utf8.length);
            out.put(utf8);
        }

        private void strings(List<String> values) {
            out.ensure(4).putInt(values == null ? -1 : values.size());
            if (values != null) {
                for (String value : values) {
                    string(value);
                }
            }
        }
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
            if (!isKnownFormat(format)) {
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
            if (format >= ITEMS_FORMAT) {
                event.items(readItems(in));
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

    private static List<AuditItem> readItems(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count == -1) {
            return null;
        }
        if (count < 0 || count > in.available()) {
            throw new IOException("bad item count " + count);
        }
        List<AuditItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long deliveryId = in.readLong();
            String decisionId = readString(in);
            String kind = readString(in);
            String recordId = readString(in);
            int version = in.readInt();
            AuditAction action = AuditAction.valueOf(readString(in));
            items.add(new AuditItem(deliveryId, decisionId, kind, recordId, version, action, readString(in),
                    readString(in), readString(in), readStrings(in)));
        }
        return items;
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

    /** A fresh SHA-256 digest (for callers that hash many entries with one instance). */
    public static MessageDigest newSha256() {
        return sha256();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
