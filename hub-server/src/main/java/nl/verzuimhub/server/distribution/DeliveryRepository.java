package nl.verzuimhub.server.distribution;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.server.register.StoredRecords;
import nl.verzuimhub.server.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores permitted disclosures (table {@code delivery}) and retracts them: all holders when the source withdraws a
 * record ({@link #retract}), one holder when the pupil's scope moved away from it ({@link #retractFor}).
 *
 * <p>Contract: this is the only writer of delivery rows, and every method that writes them hands the new rows'
 * decision ids to {@link Outbox#queue} in the same transaction, so that a recipient with push configured gets each
 * disclosure and each retraction pushed (its push task and audit entry commit with the row). A new retraction
 * source added here must do the same.
 */
@Repository
public class DeliveryRepository {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Outbox outbox;

    DeliveryRepository(JdbcTemplate jdbc, ObjectMapper json, Outbox outbox) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
    }

    public void insert(Mutation mutation, List<Disclosure> disclosures, Instant now) {
        if (disclosures.isEmpty()) {
            return;
        }
        Timestamp createdAt = Timestamp.from(now);
        jdbc.batchUpdate("""
                insert into delivery (recipient_id, purpose_id, legal_basis, kind, record_id, version, action, rule_id,
                                      policy_version, decision_id, subject_hash, fields, data, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), ?)""", disclosures, disclosures.size(),
                (statement, disclosure) -> {
                    var permit = disclosure.permit();
                    statement.setString(1, disclosure.recipient().clientId());
                    statement.setString(2, permit.purpose().id());
                    statement.setString(3, permit.purpose().legalBasis());
                    statement.setString(4, mutation.record().kind().name());
                    statement.setString(5, mutation.record().id());
                    statement.setInt(6, mutation.record().version());
                    statement.setString(7, mutation.action().name());
                    statement.setString(8, permit.ruleId());
                    statement.setString(9, permit.policySetVersion());
                    statement.setString(10, permit.decisionId());
                    statement.setString(11, disclosure.subjectHash());
                    statement.setArray(12, statement.getConnection().createArrayOf("text",
                            ViewJson.fieldNames(permit.view()).toArray()));
                    statement.setString(13, json.writeValueAsString(ViewJson.toMap(permit.view())));
                    statement.setTimestamp(14, createdAt);
                });
        outbox.queue(disclosures.stream().map(disclosure -> disclosure.permit().decisionId()).toList(), now);
    }

    /**
     * The source withdrew the record: every earlier delivery of it stops being served and loses its data, and each
     * recipient (per purpose) that had one gets a retraction carrying only the record's id. Returns how many
     * retractions were queued.
     */
    public int retract(Mutation withdrawal, String policyVersion, Instant now) {
        String kind = withdrawal.record().kind().name();
        String recordId = withdrawal.record().id();
        List<Holder> holders = jdbc.query("""
                update delivery set withdrawn = true, data = null
                where kind = ? and record_id = ? and action <> 'INGETROKKEN' and not withdrawn
                returning recipient_id, purpose_id, legal_basis, subject_hash""",
                (row, n) -> new Holder(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                kind, recordId).stream().distinct().toList();
        Timestamp createdAt = Timestamp.from(now);
        List<String> decisionIds = holders.stream().map(holder -> UUID.randomUUID().toString()).toList();
        jdbc.batchUpdate("""
                insert into delivery (recipient_id, purpose_id, legal_basis, kind, record_id, version, action, rule_id,
                                      policy_version, decision_id, subject_hash, fields, data, created_at)
                values (?, ?, ?, ?, ?, ?, 'INGETROKKEN', null, ?, ?, ?, '{}', null, ?)""", holders, holders.size(),
                (statement, holder) -> {
                    statement.setString(1, holder.recipientId());
                    statement.setString(2, holder.purposeId());
                    statement.setString(3, holder.legalBasis());
                    statement.setString(4, kind);
                    statement.setString(5, recordId);
                    statement.setInt(6, withdrawal.record().version());
                    statement.setString(7, policyVersion);
                    statement.setString(8, decisionIds.get(holders.indexOf(holder)));
                    statement.setString(9, holder.subjectHash());
                    statement.setTimestamp(10, createdAt);
                });
        outbox.queue(decisionIds, now);
        return holders.size();
    }

    /** One recipient (per purpose) that currently holds a record of a pupil: a delivery not withdrawn or retracted. */
    public record Held(String recipientId, String purposeId, String legalBasis, String kind, String recordId) {
    }

    /** Every record of the pupil (by subject hash) that some recipient still holds, per recipient and purpose. */
    public List<Held> heldBySubject(String subjectHash) {
        return heldBySubjectWithLocation(subjectHash).stream().map(HeldAt::held).toList();
    }

    /**
     * A held record (see {@link #heldBySubject}) with the location its current stored version shows; {@code stored}
     * is null when the record is no longer stored with data (withdrawn or erased).
     */
    public record HeldAt(Held held, StoredRecords.Location stored) {
    }

    /**
     * {@link #heldBySubject} in one query, each with the stored location of the record it names, so that the scope
     * follower reads the records themselves only where the pupil's location changed.
     */
    public List<HeldAt> heldBySubjectWithLocation(String subjectHash) {
        return jdbc.query("""
                select distinct d.recipient_id, d.purpose_id, d.legal_basis, d.kind, d.record_id,
                       r.payload is not null, r.municipality, r.partnership
                  from delivery d
                  left join register_record r on r.kind = d.kind and r.record_id = d.record_id
                 where d.subject_hash = ? and not d.withdrawn and d.action <> 'INGETROKKEN'
                 order by d.kind, d.record_id, d.recipient_id, d.purpose_id""",
                (row, n) -> new HeldAt(new Held(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5)),
                        row.getBoolean(6) ? new StoredRecords.Location(row.getString(7), row.getString(8)) : null),
                subjectHash);
    }

    /**
     * Scope moved away from one recipient: its earlier deliveries of the record (for that purpose) stop being served
     * and lose their data, and it gets one retraction carrying only the record's id and {@code version}, the
     * version that moved the scope. Other recipients are untouched. Returns false when it held nothing.
     */
    public boolean retractFor(Held held, int version, String subjectHash, String policyVersion, Instant now) {
        int withdrawn = jdbc.update("""
                update delivery set withdrawn = true, data = null
                 where recipient_id = ? and purpose_id = ? and kind = ? and record_id = ?
                   and action <> 'INGETROKKEN' and not withdrawn""",
                held.recipientId(), held.purposeId(), held.kind(), held.recordId());
        if (withdrawn == 0) {
            return false;
        }
        String decisionId = UUID.randomUUID().toString();
        jdbc.update("""
                insert into delivery (recipient_id, purpose_id, legal_basis, kind, record_id, version, action, rule_id,
                                      policy_version, decision_id, subject_hash, fields, data, created_at)
                values (?, ?, ?, ?, ?, ?, 'INGETROKKEN', null, ?, ?, ?, '{}', null, ?)""",
                held.recipientId(), held.purposeId(), held.legalBasis(), held.kind(), held.recordId(), version,
                policyVersion, decisionId, subjectHash, Timestamp.from(now));
        outbox.queue(List.of(decisionId), now);
        return true;
    }

    /**
     * Retention: the stored copies of a record's data in deliveries are erased and no longer served (the record's
     * retention ended; this is not a retraction sent to recipients). Returns how many deliveries lost their data.
     */
    public int eraseData(String kind, String recordId) {
        return jdbc.update("update delivery set data = null, withdrawn = true where kind = ? and record_id = ?"
                + " and (data is not null or not withdrawn)", kind, recordId);
    }

    private record Holder(String recipientId, String purposeId, String legalBasis, String subjectHash) {
    }
}
