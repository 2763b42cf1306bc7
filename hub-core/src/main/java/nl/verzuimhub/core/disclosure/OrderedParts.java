package nl.verzuimhub.core.disclosure;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A small immutable map of named text parts that iterates in the order the parts were given (a reporter's name,
 * role, phone, e-mail): two arrays instead of a hash table. Equal to, and with the hash code of, any {@link Map} with
 * the same entries. Null keys and values are not allowed.
 */
final class OrderedParts extends AbstractMap<String, String> {
    private final String[] keys;
    private final String[] values;

    /** @param keys and {@code values}: the same length, no nulls; kept, not copied */
    OrderedParts(String[] keys, String[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException("keys and values differ in number");
        }
        for (int i = 0; i < keys.length; i++) {
            Objects.requireNonNull(keys[i], "key");
            Objects.requireNonNull(values[i], "value");
        }
        this.keys = keys;
        this.values = values;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public String get(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
                        next++;
                        return entry;
                    }
                };
            }
        };
    }
}
