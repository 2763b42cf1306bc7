package nl.verzuimhub.server.dashboard.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which of the audit log's newer columns and tables this database has (asked once, from
 * {@code information_schema}), so that the dashboard shows trace ids, processing activity, acting user and signed
 * checkpoints where the audit schema provides them and still works where it does not yet.
 */
@Component
public class AuditColumns {
    static final List<String> OPTIONAL = List.of("trace_id", "span_id", "processing_activity", "acting_user",
            "on_behalf_of");

    private final JdbcTemplate jdbc;
    private volatile Set<String> present;
    private volatile Boolean checkpoints;

    AuditColumns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean has(String column) {
        if (present == null) {
            present = new LinkedHashSet<>(jdbc.queryForList("select column_name from information_schema.columns"
                    + " where table_schema = current_schema() and table_name = 'audit_entry'", String.class));
        }
        return present.contains(column);
    }

    public boolean hasCheckpoints() {
        if (checkpoints == null) {
            checkpoints = jdbc.queryForObject("select count(*) from information_schema.tables where table_schema ="
                    + " current_schema() and table_name = 'audit_checkpoint'", Integer.class) > 0;
        }
        return checkpoints;
    }

    /** The select list: the 19 existing columns plus each optional one present, or {@code null as <name>}. */
    String selectList() {
        StringBuilder select = new StringBuilder("id, occurred_at, action, outcome, channel, recipient_id, organisation,"
                + " role, purpose_id, legal_basis, policy_id, policy_version, decision_id, record_kind, record_id,"
                + " record_version, subject_hash, fields, reason");
        for (String column : OPTIONAL) {
            select.append(", ").append(has(column) ? column + "::text" : "null::text").append(" as ").append(column);
        }
        return select.toString();
    }
}
