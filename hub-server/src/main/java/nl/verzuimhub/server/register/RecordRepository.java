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
     * Stores the mutation's record unless the same or a higher version is already stored. A withdrawn record keeps
     * only its identity and version: its personal data is erased. Returns true when the stored state changed.
     */
    boolean storeIfNewer(Mutation mutation, String payloadJson, Instant now) {
        var record = mutation.record();
        boolean withdrawn = mutation.action() == MutationAction.INGETROKKEN;
        int changed = jdbc.update("""
                insert into register_record (kind, record_id, version, action, sequence, occurred_at, municipality,
                                             partnership, payload, stored_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), ?)
                on conflict (kind, record_id) do update
                   set version = excluded.version, action = excluded.action, sequence = excluded.sequence,
                       occurred_at = excluded.occurred_at, municipality = excluded.municipality,
                       partnership = excluded.partnership, payload = excluded.payload, stored_at = excluded.stored_at
                 where register_record.version < excluded.version""",
                record.kind().name(), record.id(), record.version(), mutation.action().name(), mutation.sequence(),
                Timestamp.from(mutation.occurredAt().toInstant()),
                withdrawn ? null : record.pupil().municipality(),
                withdrawn ? null : record.school().map(school -> school.partnership()).orElse(null),
                withdrawn ? null : payloadJson, Timestamp.from(now));
        return changed == 1;
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
