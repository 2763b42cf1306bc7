package nl.verzuimhub.core.recipient;

import java.util.Objects;

/**
 * A purpose for which data may be processed (doelbinding).
 *
 * @param legalBasis         citation of the law that allows it, e.g. "Leerplichtwet 1969 art. 21a"
 * @param processingActivity id of the processing activity in the processing register (AVG art. 30)
 */
public record Purpose(String id, String name, String legalBasis, String processingActivity) {
    public Purpose {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(processingActivity, "processingActivity");
    }
}
