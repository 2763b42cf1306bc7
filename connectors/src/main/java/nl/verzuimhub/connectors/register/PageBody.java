package nl.verzuimhub.connectors.register;

import java.util.Objects;

/**
 * A response body read with a size limit.
 *
 * @param bytes     the whole body when within the limit; empty when oversized (what was read is dropped)
 * @param size      the body's size; when oversized, at least this many bytes (the Content-Length, or what was read
 *                  before reading stopped)
 * @param oversized true when the body exceeded the limit and was not read whole
 */
public record PageBody(byte[] bytes, long size, boolean oversized) {
    public PageBody {
        Objects.requireNonNull(bytes, "bytes");
    }

    static PageBody of(byte[] bytes) {
        return new PageBody(bytes, bytes.length, false);
    }

    static PageBody tooLarge(long atLeast) {
        return new PageBody(new byte[0], atLeast, true);
    }
}
