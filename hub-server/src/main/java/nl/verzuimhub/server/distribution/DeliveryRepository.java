package nl.verzuimhub.server.distribution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.server.register.StoredRecords;
import nl.verzuimhub.server.outbox.Outbox;
import nl.verzuimhub.dpia.BinaryCopyStream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores permitted disclosures (table {@code delivery}) and retracts them: a register page's rows, decided in memory
 * ({@link PageDeliveries}: disclosures, retractions of all holders when the source withdraws a record, of one holder
 * when the pupil's scope moved away from it), with {@link #write}; one mutation's with {@link #insert} and
 * {@link #retract} (used by tests), through the same page path.
 *
 * <p>Contract: this is the only writer of delivery rows, and every method that writes them hands the new rows'
 * ids to {@link Outbox#queue} in the same transaction, so that a recipient with push configured gets each
 * disclosure and each retraction pushed (its push task and audit entry commit with the row). A new retraction
 * source added here must do the same.
 */
@Repository
public class DeliveryRepository {
    private static final String COPY_COLUMNS = "id, recipient_id, purpose_id, legal_basis, kind, record_id, version,"
            + " action, rule_id, policy_version, decision_id, subject_hash, fields, data, withdrawn, created_at";
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Outbox outbox;

    DeliveryRepository(JdbcTemplate jdbc, ObjectMapper json, Outbox outbox) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
    }

    /** One mutation's disclosures, written as a page of one would be ({@link #write}). */
    public void insert(Mutation mutation, List<Disclosure> disclosures, Instant now) {
        PageDeliveries page = new PageDeliveries(List.of(), json);
        page.disclose(mutation, disclosures);
        write(page, now);
    }

    /**
     * The source withdrew the record: every earlier delivery of it stops being served and loses its data, and each
     * recipient (per purpose) that had one gets a retraction carrying only the record's id; written as a page of one
     * withdrawal would be ({@link PageDeliveries#withdraw}, {@link #write}). Returns how many retractions were queued.
     */
    public int retract(Mutation withdrawal, String policyVersion, Instant now) {
        List<String> record = List.of(withdrawal.record().kind().name(), withdrawal.record().id());
        PageDeliveries page = new PageDeliveries(heldBefore(List.of(), List.of(record)).stream()
                .map(HeldBefore::row).toList(), json);
        int retractions = page.withdraw(withdrawal, policyVersion);
        write(page, now);
        return retractions;
    }

    /** One recipient (per purpose) that currently holds a record of a pupil: a delivery not withdrawn or retracted. */
    public record Held(String recipientId, String purposeId, String legalBasis, String kind, String recordId) {
    }

    /**
     * A held record with the location its current stored version shows; {@code stored} is null when the record is
     * no longer stored with data (withdrawn or erased).
     */
    public record HeldAt(Held held, StoredRecords.Location stored) {
    }

    /**
     * Retention: the stored copies of a record's data in deliveries are erased and no longer served (the record's
     * retention ended; this is not a retraction sent to recipients). Returns how many deliveries lost their data.
     */
    public int eraseData(String kind, String recordId) {
        return jdbc.update("update delivery set data = null, withdrawn = true where kind = ? and record_id = ?"
                + " and (data is not null or not withdrawn)", kind, recordId);
    }

    /** A held row read before a register page, with the location its record's stored version shows (or null). */
    public record HeldBefore(PageDeliveries.HeldRow row, StoredRecords.Location stored) {
    }

    /**
     * One query before a register page: every held delivery (not withdrawn, not a retraction) of the given pupils
     * (subject hashes) and of the given records ((kind, record id), the records the page withdraws), deduplicated as
     * {@link PageDeliveries} expects, each with its record's stored location (null when
     * not stored with data).
     */
    public List<HeldBefore> heldBefore(Collection<String> subjectHashes, Collection<List<String>> records) {
        if (subjectHashes.isEmpty() && records.isEmpty()) {
            return List.of();
        }
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    with d as (
                        select id, subject_hash, recipient_id, purpose_id, legal_basis, kind, record_id from delivery
                         where subject_hash = any(?) and not withdrawn and action <> 'INGETROKKEN'
                        union
                        select d.id, d.subject_hash, d.recipient_id, d.purpose_id, d.legal_basis, d.kind, d.record_id
                          from delivery d join unnest(?::text[], ?::text[]) as w(kind, record_id)
                            on d.kind = w.kind and d.record_id = w.record_id
                         where not d.withdrawn and d.action <> 'INGETROKKEN'),
                    held as (
                        select subject_hash, recipient_id, purpose_id, legal_basis, kind, record_id, min(id) as first_id
                          from d group by subject_hash, recipient_id, purpose_id, legal_basis, kind, record_id)
                    select h.subject_hash, h.recipient_id, h.purpose_id, h.legal_basis, h.kind, h.record_id,
                           h.first_id, coalesce(r.stored, false), r.municipality, r.partnership
                      from held h
                      -- one primary-key lookup per held record (limit 1 keeps it a lookup: PostgreSQL would
                      -- otherwise hash-join a scan of the whole register, which grows with the year)
                      left join lateral (select r.payload is not null as stored, r.municipality, r.partnership
                                           from register_record r
                                          where r.kind = h.kind and r.record_id = h.record_id limit 1) r on true""");
            statement.setArray(1, connection.createArrayOf("text", subjectHashes.toArray()));
            statement.setArray(2, connection.createArrayOf("text", records.stream().map(key -> key.get(0)).toArray()));
            statement.setArray(3, connection.createArrayOf("text", records.stream().map(key -> key.get(1)).toArray()));
            return statement;
        }, (row, n) -> new HeldBefore(new PageDeliveries.HeldRow(row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getLong(7)),
                row.getBoolean(8) ? new StoredRecords.Location(row.getString(9), row.getString(10)) : null));
    }

    /**
     * Writes a register page's deliveries in a few statements: first the withdrawals of rows that existed before the
     * page (set-based, so rows the page itself inserts are never touched by them), then the page's rows in decision
     * order in one binary COPY ({@link #copyRows}: ids ascending in that order), then hands all their ids to
     * {@link Outbox#queue}.
     */
    public void write(PageDeliveries page, Instant now) {
        List<List<String>> records = List.copyOf(page.withdrawnRecords());
        if (!records.isEmpty()) {
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement("""
                        update delivery d set withdrawn = true, data = null
                          from unnest(?::text[], ?::text[]) as w(kind, record_id)
                         where d.kind = w.kind and d.record_id = w.record_id
                           and d.action <> 'INGETROKKEN' and not d.withdrawn""");
                statement.setArray(1, column(connection, records, 0));
                statement.setArray(2, column(connection, records, 1));
                return statement;
            });
        }
        List<List<String>> holds = List.copyOf(page.withdrawnHolds());
        if (!holds.isEmpty()) {
            // Rows found by record first (index delivery_record), then narrowed to the holder: joined on the holder
            // as well, PostgreSQL may walk the holder's whole feed index for each hold.
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement("""
                        with candidate as materialized (
                            select d.id, d.recipient_id, d.purpose_id,
                                   w.recipient_id as holder_id, w.purpose_id as holder_purpose_id
                              from unnest(?::text[], ?::text[], ?::text[], ?::text[])
                                   as w(recipient_id, purpose_id, kind, record_id)
                              join delivery d on d.kind = w.kind and d.record_id = w.record_id
                             where d.action <> 'INGETROKKEN' and not d.withdrawn)
                        update delivery d set withdrawn = true, data = null
                          from candidate c
                         where d.id = c.id and c.recipient_id = c.holder_id and c.purpose_id = c.holder_purpose_id""");
                for (int i = 0; i < 4; i++) {
                    statement.setArray(i + 1, column(connection, holds, i));
                }
                return statement;
            });
        }
        List<NewDelivery> rows = page.rows();
        if (rows.isEmpty()) {
            return;
        }
        List<Long> ids = jdbc.execute((ConnectionCallback<List<Long>>) connection -> copyRows(connection, rows, now));
        outbox.queue(ids, now);
    }

    /**
     * Inserts the rows in decision order with one binary COPY. Their ids are taken from the table's sequence first, in
     * one query, and given in ascending order, so a recipient's feed (id order) follows the decisions as an insert in
     * that order would. Returns the ids, in the rows' order.
     */
    private static List<Long> copyRows(Connection connection, List<NewDelivery> rows, Instant now)
            throws SQLException {
        long[] ids = new long[rows.size()];
        try (PreparedStatement next = connection.prepareStatement(
                "select nextval('delivery_id_seq') from generate_series(1, ?)")) {
            next.setInt(1, rows.size());
            try (ResultSet result = next.executeQuery()) {
                for (int i = 0; result.next(); i++) {
                    ids[i] = result.getLong(1);
                }
            }
        }
        Arrays.sort(ids);
        BinaryCopyStream copy = BinaryCopyStream.start(connection, "delivery", COPY_COLUMNS);
        try {
            for (int i = 0; i < ids.length; i++) {
                NewDelivery row = rows.get(i);
                copy.row(16).int8(ids[i]).text(row.recipientId).text(row.purposeId).text(row.legalBasis)
                        .text(row.kind).text(row.recordId).int4(row.version).text(row.action).text(row.ruleId)
                        .text(row.policyVersion).text(row.decisionId).text(row.subjectHash).textArray(row.fields)
                        .json(row.data).bool(row.withdrawn).timestamp(now);
                copy.endRow();
            }
            copy.finish();
        } catch (SQLException | RuntimeException e) {
            copy.cancel();
            throw e;
        }
        return Arrays.stream(ids).boxed().toList();
    }

    private static java.sql.Array column(Connection connection, List<List<String>> keys, int index)
            throws SQLException {
        return connection.createArrayOf("text", keys.stream().map(key -> key.get(index)).toArray());
    }
}
