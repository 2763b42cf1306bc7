package nl.verzuimhub.dpia;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The verification export: a UTF-8 text file a verifier can check without the hub and without a JSON library.
 * <pre>
 * verzuimhub-audit-export/1
 * C &lt;id&gt; &lt;last entry id&gt; &lt;last hash hex&gt; &lt;signed at&gt; &lt;key id&gt; &lt;signature base64&gt;   (checkpoints first)
 * E &lt;id&gt; &lt;previous hash hex&gt; &lt;hash hex&gt; &lt;canonical form base64&gt;                   (entries in id order)
 * </pre>
 * Fields are separated by one tab. The canonical form ({@link AuditChain#canonical}) holds every part of the entry,
 * its hash format and its id, so the file is also a complete copy of the log ({@link AuditChain#decode}).
 */
public final class ChainExport {
    public static final String HEADER = "verzuimhub-audit-export/1";
    private static final HexFormat HEX = HexFormat.of();

    private ChainExport() {
    }

    /** Writes lines of the export to a writer; call {@link #header}, then checkpoints, then entries. */
    public static final class LineWriter {
        private final Writer out;
        private final Base64.Encoder base64 = Base64.getEncoder();

        public LineWriter(Writer out) {
            this.out = out;
        }

        public LineWriter header() {
            return line(HEADER);
        }

        public LineWriter checkpoint(Checkpoint c) {
            return line("C\t" + c.id() + "\t" + c.lastEntryId() + "\t" + HEX.formatHex(c.lastHash()) + "\t"
                    + c.signedAt() + "\t" + c.keyId() + "\t" + base64.encodeToString(c.signature()));
        }

        public LineWriter entry(AuditEntry e) {
            return line("E\t" + e.id() + "\t" + HEX.formatHex(e.previousHash()) + "\t" + HEX.formatHex(e.hash())
                    + "\t" + base64.encodeToString(AuditChain.canonical(e.format(), e.id(), e.event())));
        }

        private LineWriter line(String line) {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }

    /** Receives what {@link #read} finds. */
    public interface Handler {
        void checkpoint(Checkpoint checkpoint);

        /** Returns false to stop reading. */
        boolean entry(long id, byte[] previousHash, byte[] hash, byte[] canonical);
    }

    /**
     * Reads an export from bytes, without decoding characters: entry lines are ASCII (digits, hex, base64), so they
     * are parsed in place from a large buffer (the verifier's hot path). Same contract as
     * {@link #read(BufferedReader, Handler)}.
     */
    public static void read(java.io.InputStream in, Handler handler) throws IOException {
        ByteLines lines = new ByteLines(in);
        if (!lines.next() || !lines.equalsAscii(HEADER)) {
            throw new IllegalArgumentException("not a verzuimhub audit export (first line must be " + HEADER + ")");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        boolean entriesStarted = false;
        long lineNumber = 1;
        byte[] previous = new byte[32];
        byte[] hash = new byte[32];
        while (lines.next()) {
            lineNumber++;
            byte[] b = lines.buffer();
            int start = lines.start();
            int end = lines.end();
            if (start == end) {
                continue;
            }
            try {
                if (b[start] == 'E' && end - start > 1 && b[start + 1] == '\t') {
                    entriesStarted = true;
                    int a = indexOf(b, start + 2, end);
                    int h1 = indexOf(b, a + 1, end);
                    int h2 = indexOf(b, h1 + 1, end);
                    if (a < 0 || h1 < 0 || h2 < 0) {
                        throw new IllegalArgumentException("an entry line has 5 fields");
                    }
                    long id = parseLong(b, start + 2, a);
                    byte[] previousHash = parseHex(b, a + 1, h1, previous);
                    byte[] entryHash = parseHex(b, h1 + 1, h2, hash);
                    java.nio.ByteBuffer decoded = base64.decode(java.nio.ByteBuffer.wrap(b, h2 + 1, end - h2 - 1));
                    byte[] canonical = decoded.remaining() == decoded.array().length ? decoded.array()
                            : java.util.Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
                    if (!handler.entry(id, previousHash, entryHash, canonical)) {
                        return;
                    }
                } else if (b[start] == 'C') {
                    if (entriesStarted) {
                        throw new IllegalArgumentException("checkpoints must come before the entries");
                    }
                    handler.checkpoint(parseCheckpoint(new String(b, start, end - start,
                            java.nio.charset.StandardCharsets.US_ASCII)));
                } else {
                    throw new IllegalArgumentException("a line starts with C or E");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("export line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
    }

    private static int indexOf(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static long parseLong(byte[] b, int from, int to) {
        if (from >= to || to - from > 18) {
            throw new IllegalArgumentException("bad entry id");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("bad entry id");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Parses 64 hex digits into {@code into} (reused), or any even count into a new array. */
    private static byte[] parseHex(byte[] b, int from, int to, byte[] into) {
        int length = to - from;
        if (length % 2 != 0) {
            throw new IllegalArgumentException("bad hex");
        }
        byte[] out = length / 2 == into.length ? into : new byte[length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((hexDigit(b[from + 2 * i]) << 4) | hexDigit(b[from + 2 * i + 1]));
        }
        return out;
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw new IllegalArgumentException("bad hex digit");
    }

    /** Lines of a byte stream, in a growing buffer; a line ends at \n (a trailing \r is dropped). */
    private static final class ByteLines {
        private final java.io.InputStream in;
        private byte[] buffer = new byte[1 << 20];
        private int filled;
        private int position;
        private int lineStart;
        private int lineEnd;
        private boolean eof;

        ByteLines(java.io.InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            while (true) {
                for (int i = position; i < filled; i++) {
                    if (buffer[i] == '\n') {
                        lineStart = position;
                        lineEnd = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                        position = i + 1;
                        return true;
                    }
                }
                if (eof) {
                    if (position < filled) {
                        lineStart = position;
                        lineEnd = filled;
                        position = filled;
                        return true;
                    }
                    return false;
                }
                fill();
            }
        }

        private void fill() throws IOException {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, filled - position);
                filled -= position;
                position = 0;
            }
            if (filled == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                eof = true;
            } else {
                filled += read;
            }
        }

        byte[] buffer() {
            return buffer;
        }

        int start() {
            return lineStart;
        }

        int end() {
            return lineEnd;
        }

        boolean equalsAscii(String text) {
            if (lineEnd - lineStart != text.length()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (buffer[lineStart + i] != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Reads an export. A malformed line throws {@link IllegalArgumentException} naming its line number; a checkpoint
     * after the first entry is refused (a verifier needs every checkpoint before the entries it vouches for).
     */
    public static void read(BufferedReader in, Handler handler) throws IOException {
        String header = in.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalArgumentException("not a verzuimhub audit export (first line must be " + HEADER + ")");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        boolean entriesStarted = false;
        long lineNumber = 1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("E\t")) {
                    entriesStarted = true;
                    int a = line.indexOf('\t', 2);
                    int b = line.indexOf('\t', a + 1);
                    int c = line.indexOf('\t', b + 1);
                    if (a < 0 || b < 0 || c < 0) {
                        throw new IllegalArgumentException("an entry line has 5 fields");
                    }
                    long id = Long.parseLong(line, 2, a, 10);
                    byte[] previous = HEX.parseHex(line, a + 1, b);
                    byte[] hash = HEX.parseHex(line, b + 1, c);
                    byte[] canonical = base64.decode(line.substring(c + 1));
                    if (!handler.entry(id, previous, hash, canonical)) {
                        return;
                    }
                } else if (line.startsWith("C\t")) {
                    if (entriesStarted) {
                        throw new IllegalArgumentException("checkpoints must come before the entries");
                    }
                    handler.checkpoint(parseCheckpoint(line));
                } else {
                    throw new IllegalArgumentException("a line starts with C or E");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("export line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
    }

    /** Parses one checkpoint line ({@code C\t...}). */
    public static Checkpoint parseCheckpoint(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length != 7 || !parts[0].equals("C")) {
            throw new IllegalArgumentException("a checkpoint line has 7 fields");
        }
        return new Checkpoint(Long.parseLong(parts[1]), Long.parseLong(parts[2]), HEX.parseHex(parts[3]),
                Instant.parse(parts[4]), parts[5], Base64.getDecoder().decode(parts[6]));
    }
}
