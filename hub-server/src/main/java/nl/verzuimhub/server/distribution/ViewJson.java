package nl.verzuimhub.server.distribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.disclosure.RecordView;

/** A view under the feed's field names, in the contract's field order, ready for JSON. */
public final class ViewJson {
    private ViewJson() {
    }

    public static Map<String, Object> toMap(RecordView view) {
        Map<String, Object> map = new LinkedHashMap<>();
        view.values().forEach((field, value) -> map.put(field.jsonName(), value));
        return map;
    }

    public static List<String> fieldNames(RecordView view) {
        return view.fields().stream().map(DataField::jsonName).toList();
    }
}
