package nl.verzuimhub.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Splits one PostgreSQL binary COPY stream (header, tuples, trailer) into several complete streams of at most
 * {@code rowsPerChunk} tuples each, every one with the same header and its own trailer. Streams: only one chunk is
 * held in memory at a time, so a table of any size can be split (a national year's deliveries are several GB).
 */
final class BinaryCopyChunks {
    private static final int SIGNATURE_AND_FLAGS = 11 + 4;

    private BinaryCopyChunks() {
    }

    /** Reads {@code stream} to its trailer and hands each chunk, complete with header and trailer, to {@code chunks}. */
    static void split(InputStream stream, int rowsPerChunk, Consumer<byte[]> chunks) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] start = in.readNBytes(SIGNATURE_AND_FLAGS);
        int extension = in.readInt();
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        headerBytes.write(start);
        headerBytes.write(new byte[] {(byte) (extension >>> 24), (byte) (extension >>> 16), (byte) (extension >>> 8),
                (byte) extension});
        headerBytes.write(in.readNBytes(extension));
        byte[] header = headerBytes.toByteArray();
        ByteArrayOutputStream chunk = start(header);
        int rows = 0;
        while (true) {
            short fields = in.readShort();
            if (fields == -1) {
                break;
            }
            chunk.write(fields >>> 8);
            chunk.write(fields);
            for (int f = 0; f < fields; f++) {
                int length = in.readInt();
                chunk.write(length >>> 24);
                chunk.write(length >>> 16);
                chunk.write(length >>> 8);
                chunk.write(length);
                if (length > 0) {
                    chunk.write(in.readNBytes(length));
                }
            }
            if (++rows == rowsPerChunk) {
                chunks.accept(finish(chunk));
                chunk = start(header);
                rows = 0;
            }
        }
        if (rows > 0) {
            chunks.accept(finish(chunk));
        }
    }

    private static ByteArrayOutputStream start(byte[] header) {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes(header);
        return chunk;
    }

    private static byte[] finish(ByteArrayOutputStream chunk) {
        chunk.write(0xff);
        chunk.write(0xff);
        return chunk.toByteArray();
    }
}
