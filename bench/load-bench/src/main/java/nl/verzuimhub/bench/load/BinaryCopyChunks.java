package nl.verzuimhub.bench.load;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one PostgreSQL binary COPY stream (header, tuples, trailer) into several complete streams of at most
 * {@code rowsPerChunk} tuples each, every one with the same header and its own trailer.
 */
final class BinaryCopyChunks {
    private static final int HEADER = 11 + 4 + 4;

    private BinaryCopyChunks() {
    }

    static List<byte[]> split(byte[] stream, int rowsPerChunk) {
        ByteBuffer in = ByteBuffer.wrap(stream);
        int extension = in.getInt(HEADER - 4);
        int headerLength = HEADER + extension;
        in.position(headerLength);
        List<byte[]> chunks = new ArrayList<>();
        ByteArrayOutputStream chunk = start(stream, headerLength);
        int rows = 0;
        while (true) {
            int tupleStart = in.position();
            short fields = in.getShort();
            if (fields == -1) {
                break;
            }
            for (int f = 0; f < fields; f++) {
                int length = in.getInt();
                if (length > 0) {
                    in.position(in.position() + length);
                }
            }
            chunk.write(stream, tupleStart, in.position() - tupleStart);
            if (++rows == rowsPerChunk) {
                chunks.add(finish(chunk));
                chunk = start(stream, headerLength);
                rows = 0;
            }
        }
        if (rows > 0) {
            chunks.add(finish(chunk));
        }
        return chunks;
    }

    private static ByteArrayOutputStream start(byte[] stream, int headerLength) {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.write(stream, 0, headerLength);
        return chunk;
    }

    private static byte[] finish(ByteArrayOutputStream chunk) {
        chunk.write(0xff);
        chunk.write(0xff);
        return chunk.toByteArray();
    }
}
