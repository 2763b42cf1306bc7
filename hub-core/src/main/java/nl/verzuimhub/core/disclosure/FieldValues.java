package nl.verzuimhub.core.disclosure;

/**
 * The immutable map behind a {@link RecordView}: one slot per {@link DataField} (by ordinal), iterated in
 * {@link DataField} order, like an {@code EnumMap} but filled by plain array stores.
 */
final class FieldValues extends SlotMap<DataField, Object> {
    private static final DataField[] FIELDS = DataField.values();

    /** @param values indexed by {@link DataField#ordinal()}, null for an absent field; kept, not copied */
    FieldValues(Object[] values, int size) {
        super(FIELDS, values, size);
    }

    static int slots() {
        return FIELDS.length;
    }

    @Override
    int slotOf(Object key) {
        return key instanceof DataField ? ((DataField) key).ordinal() : -1;
    }
}
