package nl.verzuimhub.server.register;

import java.sql.Timestamp;
import java.time.Instant;
import nl.verzuimhub.core.record.Mutation;
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
     * What {@link #storeIfNewer} did: whether the stored state changed, and the location the record's stored data
     * showed just before (null when nothing was stored or it was withdrawn).
     */
    record Outcome(boolean changed, StoredRecords.Location before) {
    }

    /**
     * Stores the mutation's record unless the same or a higher version is already stored. A withdrawn record keeps
     * only its identity and version: its personal data is erased. One statement: the stored location before the
     * change is read in the same snapshot as the upsert.
     */
    Outcome storeIfNewer(Mutation mutation, String payloadJson, Instant now) {
        var record = mutation.record();
        boolean withdrawn = mutation.action() == MutationAction.INGETROKKEN;
        return jdbc.queryForObject("""
                with before as (
                    select municipality, partnership from register_record
                     where kind = ? and record_id = ? and payload is not null),
                stored as (
                    insert into register_record (kind, record_id, version, action, sequence, occurred_at, municipality,
                                                 partnership, payload, stored_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), ?)
                    on conflict (kind, record_id) do update
                       set version = excluded.version, action = excluded.action, sequence = excluded.sequence,
                           occurred_at = excluded.occurred_at, municipality = excluded.municipality,
                           partnership = excluded.partnership, payload = excluded.payload, stored_at = excluded.stored_at
                     where register_record.version < excluded.version
                    returning 1)
                select (select count(*) from stored), (select count(*) from before),
                       (select municipality from before), (select partnership from before)""",
                (row, n) -> new Outcome(row.getInt(1) == 1,
                        row.getInt(2) == 1 ? new StoredRecords.Location(row.getString(3), row.getString(4)) : null),
                record.kind().name(), record.id(),
                record.kind().name(), record.id(), record.version(), mutation.action().name(), mutation.sequence(),
                Timestamp.from(mutation.occurredAt().toInstant()),
                withdrawn ? null : record.pupil().municipality(),
                withdrawn ? null : record.school().map(school -> school.partnership()).orElse(null),
                withdrawn ? null : payloadJson, Timestamp.from(now));
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
