package nl.verzuimhub.dpia;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds PostgreSQL {@code COPY ... FROM STDIN} rows in the text format: tab-separated, {@code \N} for null,
 * backslash escapes for backslash, tab, newline and carriage return; text arrays and bytea in their literal forms.
 */
final class CopyRows {
    private static final HexFormat HEX = HexFormat.of();
    private final StringBuilder out;
    private boolean firstColumn = true;

    CopyRows(int expectedRows) {
        out = new StringBuilder(expectedRows * 512);
    }

    CopyRows text(String value) {
        separate();
        if (value == null) {
            out.append("\\N");
        } else {
            escape(value);
        }
        return this;
    }

    CopyRows number(Long value) {
        separate();
        out.append(value == null ? "\\N" : value.toString());
        return this;
    }

    CopyRows timestamp(Instant value) {
        separate();
        out.append(value.toString()); // ISO-8601 with Z: PostgreSQL reads it as UTC
        return this;
    }

    CopyRows bytes(byte[] value) {
        separate();
        out.append("\\\\x").append(HEX.formatHex(value)); // the bytea literal \x..., its backslash escaped for COPY
        return this;
    }

    CopyRows textArray(List<String> values) {
        separate();
        if (values == null) {
            out.append("\\N");
            return this;
        }
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String value = values.get(i);
            if (value == null) {
                literal.append("NULL");
            } else {
                literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        escape(literal.append('}').toString());
        return this;
    }

    void endRow() {
        out.append('\n');
        firstColumn = true;
    }

    String build() {
        return out.toString();
    }

    private void separate() {
        if (!firstColumn) {
            out.append('\t');
        }
        firstColumn = false;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\': out.append("\\\\"); break;
                case '\t': out.append("\\t"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                default: out.append(c);
            }
        }
    }
}
