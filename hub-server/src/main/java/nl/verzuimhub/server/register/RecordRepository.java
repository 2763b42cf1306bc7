package nl.verzuimhub.server.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.verzuimhub.core.record.MutationAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The latest state of every register object (table {@code register_record}) and the register cursor. */
@Repository
class RecordRepository {
    private final JdbcTemplate jdbc;

    RecordRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One query before a register page: the stored rows of {@code keys} (version, location, and the payload when
     * {@code withPayload}); keys without a row are left out.
     */
    Map<RecordKey, StoredSnapshot> read(Collection<RecordKey> keys, boolean withPayload) {
        Map<RecordKey, StoredSnapshot> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select r.kind, r.record_id, r.version, r.payload is not null, r.municipality, r.partnership,
                           case when ? then r.payload::text end
                      from register_record r join unnest(?::text[], ?::text[]) as k(kind, record_id)
                        on r.kind = k.kind and r.record_id = k.record_id""");
            statement.setBoolean(1, withPayload);
            statement.setArray(2, connection.createArrayOf("text", keys.stream().map(RecordKey::kind).toArray()));
            statement.setArray(3, connection.createArrayOf("text", keys.stream().map(RecordKey::recordId).toArray()));
            return statement;
        }, (ResultSet row) -> {
            found.put(new RecordKey(row.getString(1), row.getString(2)), new StoredSnapshot(row.getInt(3),
                    row.getBoolean(4) ? new StoredRecords.Location(row.getString(5), row.getString(6)) : null,
                    row.getString(7)));
        });
        return found;
    }

    /** One row as {@link #read} reads it, with its payload; {@link StoredSnapshot#NONE} when not stored. */
    StoredSnapshot read(RecordKey key) {
        return read(List.of(key), true).getOrDefault(key, StoredSnapshot.NONE);
    }

    /**
     * Stores a register page's changes in one statement: a lower or equal version never replaces what is stored; a
     * withdrawn record keeps only its identity and version, its personal data is erased. At most one change per
     * record.
     */
    void store(Collection<PageRecords.Change> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        List<PageRecords.Change> rows = List.copyOf(changes);
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    insert into register_record (kind, record_id, version, action, sequence, occurred_at, municipality,
                                                 partnership, payload, stored_at)
                    select c.kind, c.record_id, c.version, c.action, c.sequence, c.occurred_at, c.municipality,
                           c.partnership, cast(c.payload as json), ?
                      from unnest(?::text[], ?::text[], ?::int4[], ?::text[], ?::int8[], ?::timestamptz[], ?::text[],
                                  ?::text[], ?::text[])
                           as c(kind, record_id, version, action, sequence, occurred_at, municipality, partnership,
                                payload)
                    on conflict (kind, record_id) do update
                       set version = excluded.version, action = excluded.action, sequence = excluded.sequence,
                           occurred_at = excluded.occurred_at, municipality = excluded.municipality,
                           partnership = excluded.partnership, payload = excluded.payload, stored_at = excluded.stored_at
                     where register_record.version < excluded.version""");
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setArray(2, texts(connection, rows, change -> change.mutation().record().kind().name()));
            statement.setArray(3, texts(connection, rows, change -> change.mutation().record().id()));
            statement.setArray(4, connection.createArrayOf("int4",
                    rows.stream().map(change -> change.mutation().record().version()).toArray(Integer[]::new)));
            statement.setArray(5, texts(connection, rows, change -> change.mutation().action().name()));
            statement.setArray(6, connection.createArrayOf("int8",
                    rows.stream().map(change -> change.mutation().sequence()).toArray(Long[]::new)));
            statement.setArray(7, texts(connection, rows,
                    change -> change.mutation().occurredAt().toInstant().toString()));
            statement.setArray(8, texts(connection, rows, change -> withdrawn(change) ? null
                    : change.mutation().record().pupil().municipality()));
            statement.setArray(9, texts(connection, rows, change -> withdrawn(change) ? null
                    : change.mutation().record().school().map(school -> school.partnership()).orElse(null)));
            statement.setArray(10, texts(connection, rows, PageRecords.Change::payload));
            return statement;
        });
    }

    private static boolean withdrawn(PageRecords.Change change) {
        return change.mutation().action() == MutationAction.INGETROKKEN;
    }

    private static java.sql.Array texts(Connection connection, List<PageRecords.Change> rows,
                                        Function<PageRecords.Change, String> value) throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(value).toArray());
    }

    long cursor() {
        Long next = jdbc.queryForObject("select next_sequence from register_cursor where id = 1", Long.class);
        return next == null ? 0 : next;
    }

    void moveCursor(long nextSequence, Instant now) {
        jdbc.update("update register_cursor set next_sequence = greatest(next_sequence, ?), updated_at = ? where id = 1", nextSequence,
                Timestamp.from(now));
    }
}
