package nl.verzuimhub.core.disclosure;

import java.util.Objects;

/**
 * A small immutable map of named text parts that iterates in the order the parts were given (a reporter's name,
 * role, phone, e-mail): two arrays instead of a hash table. Null keys and values are not allowed.
 */
final class OrderedParts extends SlotMap<String, String> {

    /** @param keys and {@code values}: the same length, no nulls; kept, not copied */
    OrderedParts(String[] keys, String[] values) {
        super(keys, values, keys.length);
        if (keys.length != values.length) {
            throw new IllegalArgumentException("keys and values differ in number");
        }
        for (int i = 0; i < keys.length; i++) {
            Objects.requireNonNull(keys[i], "key");
            Objects.requireNonNull(values[i], "value");
        }
    }

    @Override
    int slotOf(Object key) {
        for (int i = 0; i < size(); i++) {
            if (keyAt(i).equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
