package nl.verzuimhub.connectors.register;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Wraps the StAX reader a page is unmarshalled from. It refuses any DOCTYPE declaration or entity reference outright
 * (the reader is already configured not to process DTDs; this makes the refusal explicit and independent of the
 * implementation), and it remembers where the reader is, so that a schema violation can be reported by element path
 * and volgnummer instead of by the offending value.
 *
 * <p>Not thread-safe: one instance per parse.
 */
final class GuardedStreamReader extends StreamReaderDelegate {
    private static final Pattern VOLGNUMMER = Pattern.compile("[0-9]{1,19}");

    private final Deque<String> path = new ArrayDeque<>();
    /** The end tag of the top of {@link #path} was read; pop it on the next event so errors raised for it still see it. */
    private boolean endPending;
    private String volgnummer;

    GuardedStreamReader(XMLStreamReader reader) {
        super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
        if (endPending) {
            String ended = path.removeLast();
            if ("Mutatie".equals(ended)) {
                volgnummer = null;
            }
            endPending = false;
        }
        int event = super.next();
        switch (event) {
            case XMLStreamConstants.DTD:
                throw new XMLStreamException("a DOCTYPE declaration is not allowed", getLocation());
            case XMLStreamConstants.ENTITY_REFERENCE:
            case XMLStreamConstants.ENTITY_DECLARATION:
                throw new XMLStreamException("entity declarations and references are not allowed", getLocation());
            case XMLStreamConstants.START_ELEMENT:
                path.addLast(getLocalName());
                if ("Mutatie".equals(getLocalName())) {
                    String value = getAttributeValue(null, "volgnummer");
                    volgnummer = value != null && VOLGNUMMER.matcher(value.strip()).matches() ? value.strip() : null;
                }
                break;
            case XMLStreamConstants.END_ELEMENT:
                endPending = true;
                break;
            default:
                break;
        }
        return event;
    }

    /** Implemented on {@link #next()} so that every event passes the guard. */
    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace())
                || (event == XMLStreamConstants.CDATA && isWhiteSpace())
                || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || event == XMLStreamConstants.COMMENT) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
    }

    /** The element the reader is in, as a path of local names from the root, e.g. {@code MutatieBatch/Mutatie/Periode}. */
    String elementPath() {
        return String.join("/", path);
    }

    /** The volgnummer attribute of the {@code Mutatie} being read, when it is one, or null. */
    String volgnummer() {
        return volgnummer;
    }
}
