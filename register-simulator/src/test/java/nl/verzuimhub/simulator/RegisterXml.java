package nl.verzuimhub.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Test helper: validates pages against the register's XSD (the connector's copy, loaded with secure processing),
 * reads the parts of a page the tests look at, and flattens a document for comparison.
 */
final class RegisterXml {
    static final Path XSD = Path.of("..", "connectors", "src", "main", "resources", "register", "register-v1.xsd");
    private static final Schema SCHEMA = loadSchema();

    private RegisterXml() {
    }

    /** The parts of a MutatieBatch page the feed protocol uses. */
    record Page(List<Long> sequences, long next, boolean more, String created) {
    }

    /** Throws with the validator's message when {@code xml} is not a valid MutatieBatch. */
    static void validate(byte[] xml) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            throw new AssertionError("page does not validate against register-v1.xsd: " + e.getMessage(), e);
        }
    }

    static Page read(byte[] xml) {
        Element root = parse(xml).getDocumentElement();
        List<Long> sequences = new ArrayList<>();
        long next = -1;
        boolean more = false;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                switch (e.getLocalName()) {
                    case "Mutatie" -> sequences.add(Long.parseLong(e.getAttribute("volgnummer")));
                    case "VolgendVolgnummer" -> next = Long.parseLong(e.getTextContent());
                    case "Meer" -> more = Boolean.parseBoolean(e.getTextContent());
                    default -> throw new AssertionError("unexpected element " + e.getLocalName());
                }
            }
        }
        return new Page(sequences, next, more, root.getAttribute("aangemaakt"));
    }

    /**
     * The document as a list of lines: each element as {namespace}name with its attributes in name order, and each
     * non-blank text, in document order. Formatting whitespace does not count.
     */
    static List<String> flatten(byte[] xml) {
        List<String> lines = new ArrayList<>();
        flatten(parse(xml).getDocumentElement(), lines);
        return lines;
    }

    private static void flatten(Node node, List<String> lines) {
        if (node instanceof Element e) {
            Map<String, String> attributes = new TreeMap<>();
            NamedNodeMap map = e.getAttributes();
            for (int i = 0; i < map.getLength(); i++) {
                Node a = map.item(i);
                if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                    attributes.put(a.getNodeName(), a.getNodeValue());
                }
            }
            lines.add("{" + e.getNamespaceURI() + "}" + e.getLocalName() + attributes);
            for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                flatten(child, lines);
            }
            lines.add("/" + e.getLocalName());
        } else if (node.getNodeType() == Node.TEXT_NODE && !node.getNodeValue().isBlank()) {
            lines.add("'" + node.getNodeValue() + "'");
        }
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Schema loadSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newSchema(new StreamSource(XSD.toFile()));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + XSD.toAbsolutePath(), e);
        }
    }
}
