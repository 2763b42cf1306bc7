package nl.verzuimhub.server.statistics;

import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.server.register.StoredRecordReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the stored records statistics count over, from {@code register_record} (the latest version of every
 * register object, its payload under the feed's field names). Withdrawn and erased records (payload null) are never
 * returned. Read-only: it shares no code with ingest, which owns the table.
 */
@Repository
class StatisticsRepository {
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    StatisticsRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored record with the municipality it counts for. */
    record Counted(RegisterRecord record, String municipality) {
    }

    /** Every stored record of the group: by the pupil's municipality of residence, or by the school's partnership. */
    List<RegisterRecord> records(StatisticsGroup group) {
        String column = group.type() == StatisticsGroup.Type.MUNICIPALITY ? "municipality" : "partnership";
        return jdbc.query("select kind, record_id, version, payload::text, municipality from register_record"
                        + " where payload is not null and " + column + " = ? order by kind, record_id",
                (row, n) -> counted().mapRow(row, n).record(), group.code());
    }

    /** Every stored record that has a municipality of residence, with it. */
    List<Counted> recordsWithMunicipality() {
        return jdbc.query("""
                select kind, record_id, version, payload::text, municipality from register_record
                 where payload is not null and municipality is not null
                 order by municipality, kind, record_id""", counted());
    }

    private RowMapper<Counted> counted() {
        return (row, n) -> new Counted(StoredRecordReader.read(RecordKind.valueOf(row.getString(1)), row.getString(2),
                row.getInt(3), json.readValue(row.getString(4), FIELDS)), row.getString(5));
    }
}
