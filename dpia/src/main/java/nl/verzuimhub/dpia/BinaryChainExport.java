package nl.verzuimhub.dpia;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The verification export in binary (the verifier's fast path: no text to scan, no base64, no hex). Same content as
 * {@link ChainExport}; all numbers big-endian:
 * <pre>
 * "VZHAUDIT" (8 bytes ASCII), format 1 (int)
 * per checkpoint (all before the first entry): 'C', id (long), last entry id (long), last hash (32), signed at
 *     (long, epoch microseconds), key id (short length + UTF-8), signature (int length + bytes)
 * per entry, in id order: 'E', id (long), previous hash (32), hash (32), canonical form (int length + bytes)
 * </pre>
 */
public final class BinaryChainExport {
    public static final byte[] MAGIC = "VZHAUDIT".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_CANONICAL = 16 * 1024 * 1024;

    private BinaryChainExport() {
    }

    /** Writes an export: {@link #header}, then checkpoints, then entries. */
    public static final class Writer {
        private final DataOutputStream out;

        public Writer(OutputStream out) {
            this.out = new DataOutputStream(out);
        }

        public Writer header() {
            return write(() -> {
                out.write(MAGIC);
                out.writeInt(1);
            });
        }

        public Writer checkpoint(Checkpoint c) {
            return write(() -> {
                byte[] keyId = c.keyId().getBytes(StandardCharsets.UTF_8);
                out.writeByte('C');
                out.writeLong(c.id());
                out.writeLong(c.lastEntryId());
                out.write(c.lastHash());
                out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, c.signedAt()));
                out.writeShort(keyId.length);
                out.write(keyId);
                out.writeInt(c.signature().length);
                out.write(c.signature());
            });
        }

        public Writer entry(AuditEntry e) {
            return write(() -> {
                byte[] canonical = AuditChain.canonical(e.format(), e.id(), e.event());
                out.writeByte('E');
                out.writeLong(e.id());
                out.write(e.previousHash());
                out.write(e.hash());
                out.writeInt(canonical.length);
                out.write(canonical);
            });
        }

        public void flush() {
            write(out::flush);
        }

        private Writer write(IoWork work) {
            try {
                work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }

    private interface IoWork {
        void run() throws IOException;
    }

    /** True when the stream (which must support mark) starts with the binary magic; the stream is reset. */
    public static boolean isBinary(InputStream in) throws IOException {
        in.mark(MAGIC.length);
        byte[] start = in.readNBytes(MAGIC.length);
        in.reset();
        return java.util.Arrays.equals(start, MAGIC);
    }

    /** Reads a binary export; malformed input throws {@link IllegalArgumentException} naming the record. */
    public static void read(InputStream stream, ChainExport.Handler handler) throws IOException {
        DataInputStream in = new DataInputStream(stream instanceof BufferedInputStream ? stream
                : new BufferedInputStream(stream, 1 << 20));
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC) || in.readInt() != 1) {
            throw new IllegalArgumentException("not a binary verzuimhub audit export");
        }
        boolean entriesStarted = false;
        long record = 0;
        byte[] previous = new byte[32];
        byte[] hash = new byte[32];
        while (true) {
            int type = in.read();
            if (type == -1) {
                return;
            }
            record++;
            try {
                if (type == 'E') {
                    entriesStarted = true;
                    long id = in.readLong();
                    in.readFully(previous);
                    in.readFully(hash);
                    int length = in.readInt();
                    if (length < 9 || length > MAX_CANONICAL) {
                        throw new IllegalArgumentException("bad canonical length " + length);
                    }
                    byte[] canonical = new byte[length];
                    in.readFully(canonical);
                    if (!handler.entry(id, previous, hash, canonical)) {
                        return;
                    }
                } else if (type == 'C') {
                    if (entriesStarted) {
                        throw new IllegalArgumentException("checkpoints must come before the entries");
                    }
                    long id = in.readLong();
                    long lastEntryId = in.readLong();
                    byte[] lastHash = new byte[32];
                    in.readFully(lastHash);
                    Instant signedAt = Instant.EPOCH.plus(in.readLong(), ChronoUnit.MICROS);
                    byte[] keyId = new byte[in.readUnsignedShort()];
                    in.readFully(keyId);
                    int signatureLength = in.readInt();
                    if (signatureLength < 0 || signatureLength > 1024) {
                        throw new IllegalArgumentException("bad signature length");
                    }
                    byte[] signature = new byte[signatureLength];
                    in.readFully(signature);
                    handler.checkpoint(new Checkpoint(id, lastEntryId, lastHash, signedAt,
                            new String(keyId, StandardCharsets.UTF_8), signature));
                } else {
                    throw new IllegalArgumentException("a record starts with C or E");
                }
            } catch (EOFException e) {
                throw new IllegalArgumentException("export record " + record + " is cut off", e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("export record " + record + ": " + e.getMessage(), e);
            }
        }
    }
}
