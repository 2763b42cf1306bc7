package nl.verzuimhub.server.distribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.server.distribution.DeliveryRepository.Held;
import tools.jackson.databind.ObjectMapper;

/**
 * The deliveries of one register page, decided in memory and written once at the end
 * ({@link DeliveryRepository#write}). Plain class, no I/O.
 *
 * <p>It answers "who holds what" as the table would if every earlier mutation of the page had already been written:
 * the held rows read before the page ({@link HeldRow}s of the page's pupils and of the records the page withdraws),
 * plus the rows decided earlier in the page, minus what the page withdrew since. It records the page's writes: new
 * rows in decision order, and the withdrawals of rows that existed before the page (by record, and by recipient,
 * purpose and record), which are applied before the new rows are inserted.
 *
 * <p>Contract of the held rows given to the constructor: every row not withdrawn and not a retraction whose subject
 * hash is one the page asks about ({@link #heldBySubject}) or whose record the page withdraws ({@link #withdraw}),
 * deduplicated, with the lowest delivery id of its duplicates as {@code order}.
 */
public final class PageDeliveries {
    /** A held delivery as read before the page or decided in it; {@code order} is its (lowest) delivery id. */
    public record HeldRow(String subjectHash, String recipientId, String purposeId, String legalBasis, String kind,
                          String recordId, long order) {
        Held held() {
            return new Held(recipientId, purposeId, legalBasis, kind, recordId);
        }
    }

    /** A holder of a withdrawn record, per recipient and purpose, as {@link DeliveryRepository#retract} found them. */
    private record Holder(String recipientId, String purposeId, String legalBasis, String subjectHash) {
    }

    /** Orders the page's own rows after every row read before it. */
    private static final long PAGE_ORDER = Long.MAX_VALUE / 2;
    private static final Comparator<Held> HELD_ORDER = Comparator.comparing(Held::kind).thenComparing(Held::recordId)
            .thenComparing(Held::recipientId).thenComparing(Held::purposeId).thenComparing(Held::legalBasis);

    private final ObjectMapper json;
    private final Map<String, List<HeldRow>> bySubject = new HashMap<>();
    private final Map<String, List<HeldRow>> byRecord = new HashMap<>();
    private final Set<HeldRow> withdrawnRows = new java.util.HashSet<>();
    private final List<NewDelivery> rows = new ArrayList<>();
    private final Map<String, List<NewDelivery>> rowsByRecord = new HashMap<>();
    private final Set<List<String>> withdrawnRecords = new LinkedHashSet<>();
    private final Set<List<String>> withdrawnHolds = new LinkedHashSet<>();

    public PageDeliveries(List<HeldRow> heldBefore, ObjectMapper json) {
        this.json = json;
        heldBefore.forEach(this::hold);
    }

    /** Records the disclosures of a new record version: one row each, held from now on. */
    public void disclose(Mutation mutation, List<Disclosure> disclosures) {
        var record = mutation.record();
        for (Disclosure disclosure : disclosures) {
            var permit = disclosure.permit();
            add(new NewDelivery(disclosure.recipient().clientId(), permit.purpose().id(), permit.purpose().legalBasis(),
                    record.kind().name(), record.id(), record.version(), mutation.action().name(), permit.ruleId(),
                    permit.policySetVersion(), permit.decisionId(), disclosure.subjectHash(),
                    ViewJson.fieldNames(permit.view()), json.writeValueAsString(ViewJson.toMap(permit.view()))));
        }
    }

    /**
     * The source withdrew the record: as {@link DeliveryRepository#retract}, every held row of it stops being held
     * and loses its data, and each holder (recipient, purpose, legal basis, subject hash; in the order of their
     * first delivery) gets a retraction. Returns how many retractions were recorded.
     */
    public int withdraw(Mutation withdrawal, String policyVersion) {
        String kind = withdrawal.record().kind().name();
        String recordId = withdrawal.record().id();
        Map<Holder, Long> holders = new LinkedHashMap<>();
        for (HeldRow row : held(byRecord.get(recordKey(kind, recordId)))) {
            holders.merge(new Holder(row.recipientId(), row.purposeId(), row.legalBasis(), row.subjectHash()),
                    row.order(), Math::min);
            withdrawnRows.add(row);
        }
        withdrawPageRows(kind, recordId, null, null);
        withdrawnRecords.add(List.of(kind, recordId));
        List<Holder> ordered = new ArrayList<>(holders.keySet());
        ordered.sort(Comparator.comparing(holders::get));
        for (Holder holder : ordered) {
            add(retraction(holder.recipientId(), holder.purposeId(), holder.legalBasis(), kind, recordId,
                    withdrawal.record().version(), policyVersion, holder.subjectHash()));
        }
        return ordered.size();
    }

    /**
     * As {@link ScopeFollower.Holdings#retractFor}: the recipient's held rows of the record (for that purpose) stop
     * being held and lose their data, and it gets one retraction; false when it held nothing.
     */
    public boolean retractFor(Held held, int version, String subjectHash, String policyVersion) {
        boolean any = false;
        for (HeldRow row : held(byRecord.get(recordKey(held.kind(), held.recordId())))) {
            if (row.recipientId().equals(held.recipientId()) && row.purposeId().equals(held.purposeId())) {
                withdrawnRows.add(row);
                any = true;
            }
        }
        if (!any) {
            return false;
        }
        withdrawPageRows(held.kind(), held.recordId(), held.recipientId(), held.purposeId());
        withdrawnHolds.add(List.of(held.recipientId(), held.purposeId(), held.kind(), held.recordId()));
        add(retraction(held.recipientId(), held.purposeId(), held.legalBasis(), held.kind(), held.recordId(), version,
                policyVersion, subjectHash));
        return true;
    }

    /**
     * Every record of the pupil some recipient holds now, per recipient, purpose and legal basis, ordered by kind,
     * record id, recipient and purpose (Java string order).
     */
    public List<Held> heldBySubject(String subjectHash) {
        Set<Held> distinct = new LinkedHashSet<>();
        for (HeldRow row : held(bySubject.get(subjectHash))) {
            distinct.add(row.held());
        }
        List<Held> sorted = new ArrayList<>(distinct);
        sorted.sort(HELD_ORDER);
        return sorted;
    }

    /** The rows to insert, in decision order. */
    List<NewDelivery> rows() {
        return rows;
    }

    /** (kind, record id) of every record withdrawn at the source in this page. */
    Set<List<String>> withdrawnRecords() {
        return withdrawnRecords;
    }

    /** (recipient, purpose, kind, record id) of every holder retracted because the pupil's scope moved. */
    Set<List<String>> withdrawnHolds() {
        return withdrawnHolds;
    }

    private void add(NewDelivery row) {
        rows.add(row);
        rowsByRecord.computeIfAbsent(recordKey(row.kind, row.recordId), key -> new ArrayList<>()).add(row);
        if (!row.retraction()) {
            hold(new HeldRow(row.subjectHash, row.recipientId, row.purposeId, row.legalBasis, row.kind, row.recordId,
                    PAGE_ORDER + rows.size()));
        }
    }

    private void hold(HeldRow row) {
        bySubject.computeIfAbsent(row.subjectHash(), key -> new ArrayList<>()).add(row);
        byRecord.computeIfAbsent(recordKey(row.kind(), row.recordId()), key -> new ArrayList<>()).add(row);
    }

    private List<HeldRow> held(List<HeldRow> candidates) {
        if (candidates == null) {
            return List.of();
        }
        return candidates.stream().filter(row -> !withdrawnRows.contains(row)).toList();
    }

    /** Page rows of the record not yet withdrawn (of one recipient and purpose when given) become withdrawn. */
    private void withdrawPageRows(String kind, String recordId, String recipientId, String purposeId) {
        for (NewDelivery row : rowsByRecord.getOrDefault(recordKey(kind, recordId), List.of())) {
            if (row.retraction() || row.withdrawn) {
                continue;
            }
            if (recipientId != null && !(row.recipientId.equals(recipientId) && row.purposeId.equals(purposeId))) {
                continue;
            }
            row.withdrawn = true;
            row.data = null;
        }
    }

    private static NewDelivery retraction(String recipientId, String purposeId, String legalBasis, String kind,
                                          String recordId, int version, String policyVersion, String subjectHash) {
        return new NewDelivery(recipientId, purposeId, legalBasis, kind, recordId, version, "INGETROKKEN", null,
                policyVersion, UUID.randomUUID().toString(), subjectHash, List.of(), null);
    }

    private static String recordKey(String kind, String recordId) {
        return kind + '\u0000' + recordId;
    }
}
