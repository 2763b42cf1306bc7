package nl.verzuimhub.core.identity;

import java.util.Objects;

/**
 * A pupil's identifying number: a BSN, or an onderwijsnummer for pupils without one.
 *
 * <p>Contract: a constructed identifier always passes its check. {@link #toString()} never shows the number, so an
 * identifier that slips into a log line or an exception message discloses nothing.
 */
public record PupilIdentifier(Type type, String value) {

    public enum Type { BSN, ONDERWIJSNUMMER }

    public PupilIdentifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        boolean valid = type == Type.BSN ? ElevenTest.isValidBsn(value) : ElevenTest.isValidOnderwijsnummer(value);
        if (!valid) {
            throw new InvalidIdentifierException(type + " fails its check digit test");
        }
    }

    public static PupilIdentifier bsn(String value) {
        return new PupilIdentifier(Type.BSN, value);
    }

    public static PupilIdentifier onderwijsnummer(String value) {
        return new PupilIdentifier(Type.ONDERWIJSNUMMER, value);
    }

    @Override
    public String toString() {
        return type + "(redacted)";
    }
}
