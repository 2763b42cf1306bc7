package nl.verzuimhub.core.statistics;

/**
 * One published count: its value, or suppressed. A suppressed cell's value is never exposed.
 */
public final class Cell {
    /** What a suppressed cell shows in tables, CSV and JSON. */
    public static final String MARKER = "<5";

    private final long value;
    private final boolean suppressed;

    private Cell(long value, boolean suppressed) {
        this.value = value;
        this.suppressed = suppressed;
    }

    public static Cell of(long value) {
        return new Cell(value, false);
    }

    public static Cell suppressedCell() {
        return new Cell(-1, true);
    }

    public boolean suppressed() {
        return suppressed;
    }

    /**
     * The count.
     *
     * @throws IllegalStateException when the cell is suppressed
     */
    public long value() {
        if (suppressed) {
            throw new IllegalStateException("a suppressed cell has no value");
        }
        return value;
    }

    /** The count as text, or {@link #MARKER}. */
    public String display() {
        return suppressed ? MARKER : Long.toString(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cell cell && cell.suppressed == suppressed && cell.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value) * 31 + Boolean.hashCode(suppressed);
    }

    @Override
    public String toString() {
        return display();
    }
}
