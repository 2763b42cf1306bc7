package nl.verzuimhub.core.statistics;

import java.util.List;
import java.util.Objects;

/**
 * A published total and the published parts it is the sum of (e.g. a partnership's count and the counts of its
 * municipalities). Through such a relation one suppressed cell can be recovered from the others, which is what
 * secondary suppression prevents.
 */
public record SumRelation(String total, List<String> parts) {
    public SumRelation {
        Objects.requireNonNull(total, "total");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a sum relation needs parts");
        }
    }
}
