package nl.verzuimhub.dpia;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for a running {@code COPY ... FROM STDIN (FORMAT binary)}, sent while they are being encoded: whenever about
 * {@value #CHUNK} bytes are ready they go to the server, so PostgreSQL inserts the first rows of a batch while the
 * caller still hashes and encodes the next ones (on two cores the two run side by side instead of one after the other).
 *
 * <p>PostgreSQL's binary COPY format: a signature and two zero ints, then per row a 16-bit column count and per column
 * a 32-bit byte length (-1 for null) and the value in the type's binary form; a 16-bit -1 ends the data. Text is UTF-8
 * (the driver's client encoding, converted by the server like any text), timestamps are microseconds since
 * 2000-01-01 UTC, numbers big-endian, {@code text[]} the array's binary form.
 *
 * <p>Contract: call {@link #finish} to end the COPY, or {@link #cancel} on any failure; until then the connection can
 * run nothing else. Written for the audit log, also used for the delivery rows of a register page.
 */
public final class BinaryCopyStream {
    /** Bytes collected before they are sent: about a hundred audit rows. */
    static final int CHUNK = 64 * 1024;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final long POSTGRES_EPOCH_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH,
            Instant.parse("2000-01-01T00:00:00Z"));
    private static final int TEXT_OID = 25;
    private static final int INT8_OID = 20;
    private static final int INT4_OID = 23;
    private final CopyIn copy;
    private final GrowingBytes out = new GrowingBytes(CHUNK + 4096);

    /** Starts {@code COPY <table> (<columns>) FROM STDIN (FORMAT binary)} on the connection. */
    public static BinaryCopyStream start(Connection connection, String table, String columns) throws SQLException {
        return new BinaryCopyStream(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin (format binary)"));
    }

    BinaryCopyStream(CopyIn copy) {
        this.copy = copy;
        out.ensure(HEADER.length).put(HEADER);
    }

    public BinaryCopyStream row(int columns) {
        out.ensure(2).putShort(columns);
        return this;
    }

    public BinaryCopyStream int8(Long value) {
        if (value == null) {
            return nullValue();
        }
        out.ensure(12).putInt(8);
        out.putLong(value);
        return this;
    }

    public BinaryCopyStream int4(Integer value) {
        if (value == null) {
            return nullValue();
        }
        out.ensure(8).putInt(4);
        out.putInt(value);
        return this;
    }

    public BinaryCopyStream int2(int value) {
        out.ensure(6).putInt(2);
        out.putShort(value);
        return this;
    }

    /** A timestamptz; the instant is cut to the microsecond (what PostgreSQL stores). */
    public BinaryCopyStream timestamp(Instant value) {
        long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1_000);
        return int8(micros - POSTGRES_EPOCH_MICROS);
    }

    public BinaryCopyStream bool(boolean value) {
        out.ensure(5).putInt(1);
        out.putByte(value ? 1 : 0);
        return this;
    }

    /** A {@code json} value: its binary form is its text. */
    public BinaryCopyStream json(String value) {
        return text(value);
    }

    public BinaryCopyStream text(String value) {
        return value == null ? nullValue() : bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    public BinaryCopyStream bytes(byte[] value) {
        if (value == null) {
            return nullValue();
        }
        out.ensure(4 + value.length).putInt(value.length);
        out.put(value);
        return this;
    }

    /** A one-dimensional {@code text[]} (lower bound 1); elements may be null. */
    public BinaryCopyStream textArray(List<String> values) {
        if (values == null) {
            return nullValue();
        }
        byte[][] elements = new byte[values.size()][];
        int length = values.isEmpty() ? 12 : 20;
        boolean hasNull = false;
        for (int i = 0; i < elements.length; i++) {
            String value = values.get(i);
            elements[i] = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            hasNull |= value == null;
            length += 4 + (value == null ? 0 : elements[i].length);
        }
        out.ensure(4 + length).putInt(length);
        out.putInt(values.isEmpty() ? 0 : 1); // dimensions
        out.putInt(hasNull ? 1 : 0); // whether any element is null
        out.putInt(TEXT_OID);
        if (!values.isEmpty()) {
            out.putInt(elements.length);
            out.putInt(1); // lower bound
            for (byte[] element : elements) {
                if (element == null) {
                    out.putInt(-1);
                } else {
                    out.putInt(element.length);
                    out.put(element);
                }
            }
        }
        return this;
    }

    /** A one-dimensional {@code bigint[]} (lower bound 1) without null elements; null for a null array. */
    public BinaryCopyStream int8Array(long[] values) {
        if (values == null) {
            return nullValue();
        }
        arrayHeader(values.length, INT8_OID, 12);
        for (long value : values) {
            out.putInt(8);
            out.putLong(value);
        }
        return this;
    }

    /** A one-dimensional {@code integer[]} (lower bound 1) without null elements; null for a null array. */
    public BinaryCopyStream int4Array(int[] values) {
        if (values == null) {
            return nullValue();
        }
        arrayHeader(values.length, INT4_OID, 8);
        for (int value : values) {
            out.putInt(4);
            out.putInt(value);
        }
        return this;
    }

    /** Length, dimensions, element type and bounds of a fixed-width array; reserves room for its elements. */
    private void arrayHeader(int count, int elementOid, int bytesPerElement) {
        int length = (count == 0 ? 12 : 20) + count * bytesPerElement;
        out.ensure(4 + length).putInt(length);
        out.putInt(count == 0 ? 0 : 1); // dimensions
        out.putInt(0); // no null elements
        out.putInt(elementOid);
        if (count > 0) {
            out.putInt(count);
            out.putInt(1); // lower bound
        }
    }

    /** Ends a row: sends what is collected once a chunk is full. */
    public void endRow() throws SQLException {
        if (out.length() >= CHUNK) {
            send();
        }
    }

    /** Sends the rest and the end marker; returns the number of rows the server inserted. */
    public long finish() throws SQLException {
        out.ensure(2).putShort(-1);
        send();
        return copy.endCopy();
    }

    /** Abandons the COPY (nothing of it is inserted); safe to call after a failure of the stream itself. */
    public void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the caller's transaction fails anyway and rolls back; the first error is the one to report
        }
    }

    private BinaryCopyStream nullValue() {
        out.ensure(4).putInt(-1);
        return this;
    }

    private void send() throws SQLException {
        if (out.length() > 0) {
            copy.writeToCopy(out.array(), 0, out.length());
            out.clear();
        }
    }
}
