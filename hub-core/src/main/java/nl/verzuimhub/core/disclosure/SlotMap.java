package nl.verzuimhub.core.disclosure;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A small immutable map over two parallel arrays: slot {@code i} holds key {@code keys[i]} when {@code values[i]} is
 * not null. Iterates in slot order; equal to, and with the hash code of, any {@link Map} with the same entries; every
 * mutator throws {@link UnsupportedOperationException}. Subclasses say which slot a key lives in.
 */
abstract class SlotMap<K, V> extends AbstractMap<K, V> {
    private final K[] keys;
    private final V[] values;
    private final int size;

    /** @param size the number of non-null values; the arrays are kept, not copied */
    SlotMap(K[] keys, V[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /** The slot of {@code key}, or -1 when it has none. */
    abstract int slotOf(Object key);

    final K keyAt(int slot) {
        return keys[slot];
    }

    @Override
    public final int size() {
        return size;
    }

    @Override
    public final boolean isEmpty() {
        return size == 0;
    }

    @Override
    public final V get(Object key) {
        int slot = slotOf(key);
        return slot < 0 ? null : values[slot];
    }

    @Override
    public final boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public final void forEach(BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    @Override
    public final Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next = skipEmpty(0);

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<K, V> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<K, V> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
                        next = skipEmpty(next + 1);
                        return entry;
                    }
                };
            }
        };
    }

    private int skipEmpty(int from) {
        int slot = from;
        while (slot < values.length && values[slot] == null) {
            slot++;
        }
        return slot;
    }
}
