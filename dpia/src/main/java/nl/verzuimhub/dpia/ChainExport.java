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
