package nl.verzuimhub.server.register;

/**
 * A {@code register_record} row as read before a register page.
 *
 * @param version  the stored version, or null when no row exists
 * @param location the stored location, or null when the payload is erased (withdrawn) or no row exists
 * @param payload  the stored payload as JSON text, or null when erased, not stored, or not read
 */
record StoredSnapshot(Integer version, StoredRecords.Location location, String payload) {
    static final StoredSnapshot NONE = new StoredSnapshot(null, null, null);

    /** Without the payload (personal data: it must not reach a log line through this record). */
    @Override
    public String toString() {
        return "StoredSnapshot[version=" + version + ", location=" + location + ", payload "
                + (payload == null ? "none" : payload.length() + " chars") + "]";
    }
}
