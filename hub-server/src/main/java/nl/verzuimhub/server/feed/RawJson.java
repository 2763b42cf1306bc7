package nl.verzuimhub.server.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A JSON value stored by the hub (a delivery's minimised view), kept as the UTF-8 bytes PostgreSQL returned and
 * written into a response as they are: no decoding into a {@link String} and encoding back for every item served
 * (issue G: about a tenth of the feed's request CPU). Contract: the bytes are one well-formed JSON value (the hub
 * stored them as {@code json}); they are not checked again here.
 */
@JsonSerialize(using = RawJson.Serializer.class)
public final class RawJson {
    private final byte[] utf8;

    private RawJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** The value as PostgreSQL's UTF-8 text bytes (not copied: the caller hands them over). */
    public static RawJson ofUtf8(byte[] utf8) {
        return new RawJson(utf8);
    }

    public static RawJson of(String json) {
        return new RawJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The value as text, for a consumer that needs a {@link String} (the push connectors' items). */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** The size only: the bytes are personal data and must not reach a log line through a record's toString. */
    @Override
    public String toString() {
        return "RawJson[" + utf8.length + " bytes]";
    }

    /** Writes the bytes as a raw value: with a UTF-8 generator (the HTTP responses) they are copied, not decoded. */
    static final class Serializer extends ValueSerializer<RawJson> {
        @Override
        public void serialize(RawJson value, JsonGenerator generator, SerializationContext context) {
            generator.writeRawValue(new Raw(value.utf8));
        }
    }

    /** The bytes as the raw text Jackson's generators take; only the unquoted forms are ever asked of a raw value. */
    private record Raw(byte[] utf8) implements SerializableString {
        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (utf8.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }

        @Override
        public char[] asQuotedChars() {
            throw quoted();
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw quoted();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw quoted();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw quoted();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw quoted();
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw quoted();
        }

        private static UnsupportedOperationException quoted() {
            return new UnsupportedOperationException("a raw JSON value is never written as a quoted string");
        }
    }
}
