package nl.verzuimhub.connectors.push;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.verzuimhub.core.disclosure.DataField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One batch as files: a data file (CSV or XML) and its manifest, named so that names sort in delivery order and the
 * same batch always gets the same names (a redelivery overwrites nothing new).
 *
 * <p>CSV (RFC 4180, UTF-8, CRLF, comma): header {@code sequence,kind,id,version,action} then one column per feed
 * field in the contract's order ({@link DataField}); a field not disclosed is empty; a structured value (reporter) is
 * its compact JSON. XML: {@code <batch xmlns="urn:verzuimhub:push:1">} with one {@code <item>} per item, attributes
 * for the envelope and one child element per disclosed field. Manifest (JSON): file, format, count, sha256 (hex of
 * the data file's bytes), idempotencyKey, firstSequence, lastSequence. The manifest is written last: a reader that
 * sees a manifest may read its data file.
 */
public final class BatchFiles {
    public static final String XML_NAMESPACE = "urn:verzuimhub:push:1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ENVELOPE = List.of("sequence", "kind", "id", "version", "action");

    private BatchFiles() {
    }

    /** {@code verzuimhub-<first sequence, 12 digits>-<idempotency key>.<csv|xml>} */
    public static String dataFileName(PushBatch batch, FileFormat format) {
        return String.format("verzuimhub-%012d-%s.%s", batch.items().get(0).sequence(), batch.idempotencyKey(),
                format.extension());
    }

    public static String manifestFileName(PushBatch batch, FileFormat format) {
        return dataFileName(batch, format) + ".manifest.json";
    }

    public static byte[] data(PushBatch batch, FileFormat format) {
        return format == FileFormat.CSV ? csv(batch.items()) : xml(batch);
    }

    public static byte[] manifest(PushBatch batch, FileFormat format, byte[] data) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("file", dataFileName(batch, format));
        manifest.put("format", format.extension());
        manifest.put("count", batch.items().size());
        manifest.put("sha256", sha256(data));
        manifest.put("idempotencyKey", batch.idempotencyKey());
        manifest.put("firstSequence", batch.items().get(0).sequence());
        manifest.put("lastSequence", batch.items().get(batch.items().size() - 1).sequence());
        return JSON.writeValueAsBytes(manifest);
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSV header: the envelope, then every feed field. */
    public static List<String> csvColumns() {
        List<String> columns = new java.util.ArrayList<>(ENVELOPE);
        for (DataField field : DataField.values()) {
            columns.add(field.jsonName());
        }
        return columns;
    }

    private static byte[] csv(List<PushItem> items) {
        StringBuilder out = new StringBuilder();
        line(out, csvColumns());
        for (PushItem item : items) {
            JsonNode data = JSON.readTree(item.dataJson());
            List<String> row = new java.util.ArrayList<>(List.of(Long.toString(item.sequence()), item.kind(),
                    item.id(), Integer.toString(item.version()), item.action()));
            for (DataField field : DataField.values()) {
                JsonNode value = data.get(field.jsonName());
                row.add(value == null || value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString());
            }
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }

    private static byte[] xml(PushBatch batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("batch");
            xml.writeDefaultNamespace(XML_NAMESPACE);
            xml.writeAttribute("idempotencyKey", batch.idempotencyKey());
            xml.writeAttribute("count", Integer.toString(batch.items().size()));
            for (PushItem item : batch.items()) {
                xml.writeStartElement("item");
                xml.writeAttribute("sequence", Long.toString(item.sequence()));
                xml.writeAttribute("kind", item.kind());
                xml.writeAttribute("id", item.id());
                xml.writeAttribute("version", Integer.toString(item.version()));
                xml.writeAttribute("action", item.action());
                JsonNode data = JSON.readTree(item.dataJson());
                for (DataField field : DataField.values()) {
                    JsonNode value = data.get(field.jsonName());
                    if (value != null && !value.isNull()) {
                        element(xml, field.jsonName(), value);
                    }
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the batch as XML", e);
        }
        return bytes.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, JsonNode value) throws XMLStreamException {
        xml.writeStartElement(name);
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> child : value.properties()) {
                if (!child.getValue().isNull()) {
                    element(xml, child.getKey(), child.getValue());
                }
            }
        } else {
            xml.writeCharacters(value.asString());
        }
        xml.writeEndElement();
    }
}
