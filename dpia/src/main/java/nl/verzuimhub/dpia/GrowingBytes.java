package nl.verzuimhub.dpia;

import java.util.Arrays;

/**
 * A reusable, growing byte array written big-endian: the buffer under the canonical form ({@link AuditChain}) and
 * the binary COPY rows ({@link BinaryCopyStream}). Callers {@link #ensure} room before writing; not thread-safe.
 */
final class GrowingBytes {
    private byte[] bytes;
    private int length;

    GrowingBytes(int capacity) {
        bytes = new byte[capacity];
    }

    /** Makes room for {@code more} bytes after the current length. */
    GrowingBytes ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
        return this;
    }

    void putByte(int value) {
        bytes[length++] = (byte) value;
    }

    void putShort(int value) {
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    void putInt(int value) {
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    void put(byte[] value) {
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    /** The array under the bytes written so far (valid up to {@link #length()}, until the next write). */
    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }
}
