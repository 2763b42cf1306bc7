package nl.verzuimhub.core.disclosure;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The immutable map behind a {@link RecordView}: one slot per {@link DataField} (by ordinal), iterated in
 * {@link DataField} order, like an {@code EnumMap} but filled by plain array stores. Equal to, and with the hash code
 * of, any {@link Map} with the same entries. Every mutator throws {@link UnsupportedOperationException}.
 */
final class FieldValues extends AbstractMap<DataField, Object> {
    private static final DataField[] FIELDS = DataField.values();

    private final Object[] values;
    private final int size;

    /** @param values indexed by {@link DataField#ordinal()}, null for an absent field; kept, not copied */
    FieldValues(Object[] values, int size) {
        this.values = values;
        this.size = size;
    }

    static int slots() {
        return FIELDS.length;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public Object get(Object key) {
        return key instanceof DataField ? values[((DataField) key).ordinal()] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public void forEach(BiConsumer<? super DataField, ? super Object> action) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                action.accept(FIELDS[i], values[i]);
            }
        }
    }

    @Override
    public Set<Map.Entry<DataField, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<DataField, Object>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int at = from;
                        while (at < values.length && values[at] == null) {
                            at++;
                        }
                        return at;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<DataField, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<DataField, Object> entry = new SimpleImmutableEntry<>(FIELDS[next], values[next]);
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }
        };
    }
}
