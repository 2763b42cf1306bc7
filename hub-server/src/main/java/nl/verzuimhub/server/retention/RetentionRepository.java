package nl.verzuimhub.server.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads what retention must judge and erases personal fields in {@code register_record} and quarantined pages. */
@Repository
class RetentionRepository {
    private final JdbcTemplate jdbc;

    RetentionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored record that still holds personal fields. Its identifiers stay in memory only, to hash them. */
    record StoredRecord(String kind, String recordId, int version, Instant lastChange, LocalDate birthDate,
                        String bsn, String onderwijsnummer, List<String> fields) {
    }

    List<StoredRecord> recordsWithPersonalData(Instant changedBefore) {
        return jdbc.query("""
                select kind, record_id, version, occurred_at, payload->>'birthDate', payload->>'bsn',
                       payload->>'onderwijsnummer', array(select json_object_keys(payload))
                  from register_record
                 where payload is not null and occurred_at < ?
                 order by occurred_at""",
                (row, n) -> new StoredRecord(row.getString(1), row.getString(2), row.getInt(3),
                        row.getTimestamp(4).toInstant(),
                        row.getString(5) == null ? null : LocalDate.parse(row.getString(5)), row.getString(6),
                        row.getString(7), List.of((String[]) row.getArray(8).getArray())),
                Timestamp.from(changedBefore));
    }

    /** Erases the record's personal fields unless a newer version arrived meanwhile; true when it did. */
    boolean erase(StoredRecord record, Instant now) {
        return jdbc.update("""
                update register_record set payload = null, municipality = null, partnership = null, erased_at = ?
                 where kind = ? and record_id = ? and version = ? and payload is not null""",
                Timestamp.from(now), record.kind(), record.recordId(), record.version()) == 1;
    }

    record QuarantinedBody(long id, long requestedFrom) {
    }

    /** Empties the bodies of quarantined pages last seen before {@code seenBefore}; returns which. */
    List<QuarantinedBody> eraseQuarantinedBodies(Instant seenBefore, Instant now) {
        return jdbc.query("""
                update register_quarantine set body = ''::bytea, body_erased_at = ?
                 where body_erased_at is null and last_seen_at < ?
                returning id, requested_from""",
                (row, n) -> new QuarantinedBody(row.getLong(1), row.getLong(2)),
                Timestamp.from(now), Timestamp.from(seenBefore));
    }
}
