package nl.verzuimhub.core.disclosure;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable set of field values drawn from one record: either the record's full content or the minimised part a
 * recipient may see.
 *
 * <p>Contract: values are JSON-ready and never null: {@code String} (codes, texts, ISO-8601 dates and times),
 * {@code Integer}, {@code java.math.BigDecimal}, {@code Boolean}, or for {@link DataField#REPORTER} an ordered
 * {@code Map<String, String>}. A field that is not present has no entry.
 */
public final class RecordView {
    private static final RecordView EMPTY = new RecordView(new FieldValues(new Object[FieldValues.slots()], 0));

    private final Map<DataField, Object> values;

    private RecordView(FieldValues values) {
        this.values = values;
    }

    public static RecordView empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Field values in {@link DataField} order. */
    public Map<DataField, Object> values() {
        return values;
    }

    public Set<DataField> fields() {
        return values.keySet();
    }

    public Object get(DataField field) {
        return values.get(field);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordView view && values.equals(view.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Lists field names only: a view's values are personal data and never belong in a log line. */
    @Override
    public String toString() {
        return "RecordView" + values.keySet();
    }

    /** Collects field values; {@link #build()} may be called more than once, each view keeps what it was built with. */
    public static final class Builder {
        private Object[] values = new Object[FieldValues.slots()];
        private int size;
        /** Set once {@link #build()} handed {@code values} to a view: the next put copies them first. */
        private boolean shared;

        private Builder() {
        }

        /** Adds (or replaces) a field; a null value is skipped, so an absent source field stays absent. */
        public Builder put(DataField field, Object value) {
            Objects.requireNonNull(field, "field");
            if (value != null) {
                if (shared) {
                    values = values.clone();
                    shared = false;
                }
                if (values[field.ordinal()] == null) {
                    size++;
                }
                values[field.ordinal()] = value;
            }
            return this;
        }

        public RecordView build() {
            if (size == 0) {
                return EMPTY;
            }
            shared = true;
            return new RecordView(new FieldValues(values, size));
        }
    }
}
