package nl.verzuimhub.connectors.register;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import nl.verzuimhub.connectors.register.xml.MutatieBatch;
import org.xml.sax.SAXException;

/**
 * Parses one page of the register feed, as received, into the JAXB binding generated from {@code register-v1.xsd}.
 *
 * <p>Contract: {@link #parse} returns a {@link MutatieBatch} only when the body is well-formed XML, has no DOCTYPE (so
 * no external entities and no entity expansion), and is valid against the register's schema; otherwise it throws
 * {@link PageRejectedException} whose reason names line, column, volgnummer and element path of each problem, but
 * never the offending value. The schema and the JAXB context are built once per JVM and shared; each call uses its
 * own reader and unmarshaller, so one instance may be used from several threads.
 */
final class RegisterPageParser {
    private static final String XSD = "/register/register-v1.xsd";

    /** Loads the schema and JAXB context now (once per JVM), so that a broken binding fails at start-up. */
    RegisterPageParser() {
        Objects.requireNonNull(Binding.SCHEMA);
        Objects.requireNonNull(Binding.CONTEXT);
    }

    /** Parses {@code body}, or says precisely why it is refused. */
    MutatieBatch parse(byte[] body) throws PageRejectedException {
        if (body == null || body.length == 0) {
            throw new PageRejectedException("the page is empty: no XML document");
        }
        List<String> problems = new ArrayList<>();
        Object result = null;
        GuardedStreamReader reader = null;
        try {
            reader = new GuardedStreamReader(newInputFactory().createXMLStreamReader(new ByteArrayInputStream(body)));
            GuardedStreamReader position = reader;
            Unmarshaller unmarshaller = Binding.CONTEXT.createUnmarshaller();
            unmarshaller.setSchema(Binding.SCHEMA);
            unmarshaller.setEventHandler(event -> {
                problems.add(describe(event, position));
                // Go on collecting while JAXB can; the page is refused either way.
                return problems.size() <= PageRejectedException.MAX_PROBLEMS_NAMED;
            });
            result = unmarshaller.unmarshal(reader);
            readToTheEnd(reader);
        } catch (XMLStreamException e) {
            problems.add(describe(e));
        } catch (UnmarshalException e) {
            if (problems.isEmpty()) {
                problems.add(e.getLinkedException() instanceof XMLStreamException
                        ? describe((XMLStreamException) e.getLinkedException())
                        : "not readable as a register page (" + e.getClass().getSimpleName() + ")");
            }
        } catch (JAXBException e) {
            throw new IllegalStateException("the JAXB binding of the register schema cannot be used", e);
        } catch (RuntimeException e) {
            // JAXB may give up on a value the schema already refused (NumberFormatException and the like). Its message
            // would quote the value, so only the type is named, and only when the schema named nothing.
            if (problems.isEmpty()) {
                problems.add("not readable as a register page (" + e.getClass().getSimpleName() + ")");
            }
        } finally {
            closeQuietly(reader);
        }
        if (!problems.isEmpty()) {
            throw PageRejectedException.of(problems);
        }
        if (!(result instanceof MutatieBatch)) {
            throw new PageRejectedException("the document element is not a MutatieBatch");
        }
        return (MutatieBatch) result;
    }

    /** JAXB stops at the document element's end tag; whatever follows must still be well-formed (and DTD-free). */
    private static void readToTheEnd(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            reader.next();
        }
    }

    /** A fresh StAX factory (the JDK's own, never one found on the classpath) that refuses DTDs and external entities. */
    private static XMLInputFactory newInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    private static String describe(ValidationEvent event, GuardedStreamReader position) {
        StringBuilder text = new StringBuilder();
        ValidationEventLocator locator = event.getLocator();
        if (locator != null && locator.getLineNumber() > 0) {
            text.append("line ").append(locator.getLineNumber()).append(':').append(locator.getColumnNumber()).append(' ');
        }
        if (position.volgnummer() != null) {
            text.append("volgnummer ").append(position.volgnummer()).append(' ');
        }
        if (!position.elementPath().isEmpty()) {
            text.append("at ").append(position.elementPath()).append(' ');
        }
        text.append("(schema): ").append(SchemaMessages.describe(event.getMessage()));
        return text.toString();
    }

    /**
     * A well-formedness problem. The StAX reader's messages name markup (element and entity names), never character
     * content, so the part after {@code Message:} is kept.
     */
    private static String describe(XMLStreamException e) {
        StringBuilder text = new StringBuilder();
        Location location = e.getLocation();
        if (location != null && location.getLineNumber() > 0) {
            text.append("line ").append(location.getLineNumber()).append(':').append(location.getColumnNumber()).append(' ');
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int marker = message.indexOf("Message:");
        String detail = (marker >= 0 ? message.substring(marker + "Message:".length()) : message).strip();
        if (detail.length() > 200) {
            detail = detail.substring(0, 200) + "...";
        }
        return text.append("(not well-formed XML or refused markup): ").append(detail.isEmpty() ? "unreadable" : detail).toString();
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the in-memory stream
            }
        }
    }

    /** The schema and JAXB context, built once on first use. Both are thread-safe. */
    private static final class Binding {
        static final Schema SCHEMA = loadSchema();
        static final JAXBContext CONTEXT = createContext();

        private static Schema loadSchema() {
            URL xsd = RegisterPageParser.class.getResource(XSD);
            if (xsd == null) {
                throw new IllegalStateException("register schema " + XSD + " is not on the classpath");
            }
            try (InputStream in = xsd.openStream()) {
                SchemaFactory factory = SchemaFactory.newDefaultInstance();
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                return factory.newSchema(new StreamSource(in, xsd.toExternalForm()));
            } catch (SAXException | IOException e) {
                throw new IllegalStateException("register schema " + XSD + " cannot be loaded", e);
            }
        }

        private static JAXBContext createContext() {
            try {
                return JAXBContext.newInstance(MutatieBatch.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("JAXB context for the register binding cannot be created", e);
            }
        }
    }
}
