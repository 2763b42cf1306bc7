package nl.verzuimhub.core.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression for counts published to anyone but the municipality itself (domain.md: cells below 5).
 *
 * <p>The rule:
 * <ol>
 *   <li><b>Primary</b>: every count below the threshold (default 5), zero included, is replaced by
 *       {@link Cell#MARKER}.</li>
 *   <li><b>Secondary</b>: for every {@link SumRelation} (total = sum of parts) in which exactly one cell is
 *       suppressed, it could be recovered by subtraction; so the smallest other published cell of that relation
 *       (a part, or the total when no part is left) is suppressed too. Repeated until no relation has exactly one
 *       suppressed cell. Ties go to the cell named first.</li>
 * </ol>
 * Counts that are not linked by a published sum (e.g. "LRV total" and "LRV &gt; 3 months", whose difference is not
 * published) need no secondary suppression.
 */
public final class SmallCellSuppression {
    public static final int DEFAULT_THRESHOLD = 5;

    private final int threshold;

    public SmallCellSuppression() {
        this(DEFAULT_THRESHOLD);
    }

    public SmallCellSuppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * The cells of {@code counts} (same keys, same order) after primary and secondary suppression.
     *
     * @throws IllegalArgumentException when a relation names a cell that {@code counts} lacks, or a count is negative
     */
    public Map<String, Cell> suppress(Map<String, Long> counts, List<SumRelation> relations) {
        for (SumRelation relation : relations) {
            for (String name : members(relation)) {
                if (!counts.containsKey(name)) {
                    throw new IllegalArgumentException("sum relation names unknown cell '" + name + "'");
                }
            }
        }
        Set<String> suppressed = new LinkedHashSet<>();
        counts.forEach((name, value) -> {
            if (value < 0) {
                throw new IllegalArgumentException("count '" + name + "' is negative");
            }
            if (value < threshold) {
                suppressed.add(name);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (SumRelation relation : relations) {
                List<String> members = members(relation);
                long hidden = members.stream().filter(suppressed::contains).count();
                if (hidden == 1) {
                    String next = smallestPublished(relation, suppressed, counts);
                    if (next != null) {
                        suppressed.add(next);
                        changed = true;
                    }
                }
            }
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        counts.forEach((name, value) -> cells.put(name, suppressed.contains(name) ? Cell.suppressedCell()
                : Cell.of(value)));
        return cells;
    }

    /** As {@link #suppress(Map, List)} without sum relations (primary suppression only). */
    public Map<String, Cell> suppress(Map<String, Long> counts) {
        return suppress(counts, List.of());
    }

    private static String smallestPublished(SumRelation relation, Set<String> suppressed, Map<String, Long> counts) {
        String smallest = null;
        for (String part : relation.parts()) {
            if (!suppressed.contains(part) && (smallest == null || counts.get(part) < counts.get(smallest))) {
                smallest = part;
            }
        }
        if (smallest == null && !suppressed.contains(relation.total())) {
            smallest = relation.total();
        }
        return smallest;
    }

    private static List<String> members(SumRelation relation) {
        List<String> members = new ArrayList<>(relation.parts());
        members.add(relation.total());
        return members;
    }
}
