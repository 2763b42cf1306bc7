package nl.verzuimhub.core.identity;

/** An identifier failed its format or check-digit test. The message never contains the identifier itself. */
public class InvalidIdentifierException extends IllegalArgumentException {
    public InvalidIdentifierException(String message) {
        super(message);
    }
}
