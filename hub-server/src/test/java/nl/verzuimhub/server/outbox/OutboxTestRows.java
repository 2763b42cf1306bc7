package nl.verzuimhub.server.outbox;

import org.springframework.jdbc.core.JdbcTemplate;

/** Synthetic delivery rows for outbox tests that work on the tables directly (a task needs its delivery row). */
final class OutboxTestRows {
    private OutboxTestRows() {
    }

    /** Delivery rows with ids {@code from..to} for {@code recipient}; no personal data. */
    static void deliveries(JdbcTemplate jdbc, String recipient, long from, long to) {
        jdbc.update("""
                insert into delivery (id, recipient_id, purpose_id, legal_basis, kind, record_id, version, action,
                                      policy_version, decision_id, subject_hash, fields, created_at)
                select i, ?, 'leerplicht', 'Lpw art. 21', 'VERZUIMMELDING', 'VM-' || i, 1, 'NIEUW', 'p1', 'd' || i, 's',
                       '{}', now() from generate_series(?::bigint, ?::bigint) i""", recipient, from, to);
    }
}
