package nl.verzuimhub.connectors.push;

import java.util.Objects;

/**
 * One item of a push batch: exactly a pull-feed item (same fields, same meaning).
 *
 * @param sequence the item's position in the recipient's feed (the hub's delivery id); unique per recipient
 * @param kind     VERZUIMMELDING, VRIJSTELLING, ZIEKMELDING or ABSOLUUT_VERZUIM
 * @param action   NIEUW, GEWIJZIGD, AFGESLOTEN or INGETROKKEN (a retraction: drop the record; no data)
 * @param dataJson the disclosed fields as a JSON object, {@code {}} for a retraction
 */
public record PushItem(long sequence, String kind, String id, int version, String action, String dataJson) {
    public PushItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        dataJson = dataJson == null ? "{}" : dataJson;
    }

    /** Without the data, which is personal data and must not reach a log line through this record. */
    @Override
    public String toString() {
        return "PushItem[sequence=" + sequence + ", kind=" + kind + ", id=" + id + ", version=" + version + ", action="
                + action + ", data " + dataJson.length() + " chars]";
    }
}
