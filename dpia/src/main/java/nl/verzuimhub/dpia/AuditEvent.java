package nl.verzuimhub.dpia;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One thing worth recording, before it is chained: who received (or was refused) what, why, under which rule, in
 * which trace, and who acted. Its parts answer Logboek Dataverwerkingen, VNG verwerkingenlogging and NEN 7513 (see
 * {@code docs/architecture.md}, section "The audit entry").
 *
 * <p>Contract: holds no personal data in clear. The data subject is {@code subjectHash}, a keyed hash
 * ({@link SubjectHasher}); {@code fields} are field names, never values; users are account ids, never names.
 * {@code occurredAt} is kept to the microsecond, the precision PostgreSQL stores, so that a stored entry hashes to
 * what was chained. Every part but time, action and outcome may be null. Build new events with {@link #builder}; the
 * 18-argument constructor stays for existing callers and leaves the newer parts null.
 *
 * @param recipientId        client id of the recipient (or of the caller who was refused)
 * @param organisation       code of the recipient's organisation (gemeentecode, partnership code, region id)
 * @param role               the recipient's role
 * @param purposeId          the purpose the processing served
 * @param legalBasis         the citation that made it lawful
 * @param policyId           id of the rule that decided
 * @param policyVersion      version of the policy set that decided
 * @param decisionId         id of the decision
 * @param fields             names of the fields disclosed (feed names), in order
 * @param reason             for a denial or a search: what was refused or asked, without personal data
 * @param traceId            W3C trace id (32 lowercase hex) of the request or job that caused this entry
 * @param spanId             W3C span id (16 lowercase hex) of the hub's own span in that trace
 * @param processingActivity id of the processing activity (verwerkingsactiviteit), see {@link ProcessingActivity}
 * @param actingUser         the person who acted (account id), when a person and not only a system acted
 * @param onBehalfOf         the responsible user on whose behalf {@code actingUser} acted (NEN 7513), if any
 * @param items              for an entry that records a batch (a feed page, a push entry): its items, in order,
 *                           each with its own subject, record, decision and fields (hash format 3, {@link AuditItem});
 *                           the per-record parts of the event itself are then null. Null for every other entry.
 */
public record AuditEvent(
        Instant occurredAt,
        AuditAction action,
        AuditOutcome outcome,
        AuditChannel channel,
        String recipientId,
        String organisation,
        String role,
        String purposeId,
        String legalBasis,
        String policyId,
        String policyVersion,
        String decisionId,
        String recordKind,
        String recordId,
        Integer recordVersion,
        String subjectHash,
        List<String> fields,
        String reason,
        String traceId,
        String spanId,
        String processingActivity,
        String actingUser,
        String onBehalfOf,
        List<AuditItem> items) {

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        fields = fields == null ? null : List.copyOf(fields);
        items = items == null ? null : List.copyOf(items);
    }

    /** An event without items (hash format 2). */
    public AuditEvent(Instant occurredAt, AuditAction action, AuditOutcome outcome, AuditChannel channel,
                      String recipientId, String organisation, String role, String purposeId, String legalBasis,
                      String policyId, String policyVersion, String decisionId, String recordKind, String recordId,
                      Integer recordVersion, String subjectHash, List<String> fields, String reason, String traceId,
                      String spanId, String processingActivity, String actingUser, String onBehalfOf) {
        this(occurredAt, action, outcome, channel, recipientId, organisation, role, purposeId, legalBasis, policyId,
                policyVersion, decisionId, recordKind, recordId, recordVersion, subjectHash, fields, reason, traceId,
                spanId, processingActivity, actingUser, onBehalfOf, null);
    }

    /** Whether this event records a batch with its items (hash format 3). */
    public boolean hasItems() {
        return items != null;
    }

    /** The hash format this event is chained in when appended now: 3 with items, 2 without. */
    public int appendFormat() {
        return items != null ? AuditChain.ITEMS_FORMAT : AuditChain.CURRENT_FORMAT;
    }

    /**
     * The events a reader about one subject may see of this entry: itself when it is not a batch (whatever its
     * subject: callers filter by subject themselves), and otherwise one event per item of that subject only, with the
     * item's parts in the per-record places and no items. The other items of a batch are never part of the result
     * (privacy: a subject, or a search for one, must not see who else was in the same page).
     */
    public List<AuditEvent> forSubject(String subject) {
        if (items == null) {
            return List.of(this);
        }
        java.util.ArrayList<AuditEvent> mine = new java.util.ArrayList<>();
        for (AuditItem item : items) {
            if (item.subjectHash().equals(subject)) {
                mine.add(asItem(item));
            }
        }
        return mine;
    }

    /** Every item of a batch as its own event (for readers who may see all of them); itself when not a batch. */
    public List<AuditEvent> expanded() {
        return items == null ? List.of(this) : items.stream().map(this::asItem).toList();
    }

    /** This batch's page-wide parts with one item's parts in the per-record places. */
    public AuditEvent asItem(AuditItem item) {
        return toBuilder().items(null).action(item.action()).policyId(item.policyId())
                .policyVersion(item.policyVersion()).decisionId(item.decisionId()).recordKind(item.recordKind())
                .recordId(item.recordId()).recordVersion(item.recordVersion()).subjectHash(item.subjectHash())
                .fields(item.fields()).build();
    }

    /** The original 18-part event; trace, span, processing activity and users are left null. */
    public AuditEvent(Instant occurredAt, AuditAction action, AuditOutcome outcome, AuditChannel channel,
                      String recipientId, String organisation, String role, String purposeId, String legalBasis,
                      String policyId, String policyVersion, String decisionId, String recordKind, String recordId,
                      Integer recordVersion, String subjectHash, List<String> fields, String reason) {
        this(occurredAt, action, outcome, channel, recipientId, organisation, role, purposeId, legalBasis, policyId,
                policyVersion, decisionId, recordKind, recordId, recordVersion, subjectHash, fields, reason,
                null, null, null, null, null);
    }

    /** A builder for an event; time, action and outcome are required, everything else optional. */
    public static Builder builder(Instant occurredAt, AuditAction action, AuditOutcome outcome) {
        return new Builder().occurredAt(occurredAt).action(action).outcome(outcome);
    }

    /** A builder holding every part of this event, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder().occurredAt(occurredAt).action(action).outcome(outcome).channel(channel)
                .recipientId(recipientId).organisation(organisation).role(role).purposeId(purposeId)
                .legalBasis(legalBasis).policyId(policyId).policyVersion(policyVersion).decisionId(decisionId)
                .recordKind(recordKind).recordId(recordId).recordVersion(recordVersion).subjectHash(subjectHash)
                .fields(fields).reason(reason).traceId(traceId).spanId(spanId)
                .processingActivity(processingActivity).actingUser(actingUser).onBehalfOf(onBehalfOf).items(items);
    }

    /** Fluent, mutable builder of an {@link AuditEvent}; each setter is named after the part it sets. */
    public static final class Builder {
        private Instant occurredAt;
        private AuditAction action;
        private AuditOutcome outcome;
        private AuditChannel channel;
        private String recipientId;
        private String organisation;
        private String role;
        private String purposeId;
        private String legalBasis;
        private String policyId;
        private String policyVersion;
        private String decisionId;
        private String recordKind;
        private String recordId;
        private Integer recordVersion;
        private String subjectHash;
        private List<String> fields;
        private String reason;
        private String traceId;
        private String spanId;
        private String processingActivity;
        private String actingUser;
        private String onBehalfOf;
        private List<AuditItem> items;

        private Builder() {
        }

        public Builder occurredAt(Instant value) { occurredAt = value; return this; }
        public Builder action(AuditAction value) { action = value; return this; }
        public Builder outcome(AuditOutcome value) { outcome = value; return this; }
        public Builder channel(AuditChannel value) { channel = value; return this; }
        public Builder recipientId(String value) { recipientId = value; return this; }
        public Builder organisation(String value) { organisation = value; return this; }
        public Builder role(String value) { role = value; return this; }
        public Builder purposeId(String value) { purposeId = value; return this; }
        public Builder legalBasis(String value) { legalBasis = value; return this; }
        public Builder policyId(String value) { policyId = value; return this; }
        public Builder policyVersion(String value) { policyVersion = value; return this; }
        public Builder decisionId(String value) { decisionId = value; return this; }
        public Builder recordKind(String value) { recordKind = value; return this; }
        public Builder recordId(String value) { recordId = value; return this; }
        public Builder recordVersion(Integer value) { recordVersion = value; return this; }
        public Builder subjectHash(String value) { subjectHash = value; return this; }
        public Builder fields(List<String> value) { fields = value; return this; }
        public Builder reason(String value) { reason = value; return this; }
        public Builder traceId(String value) { traceId = value; return this; }
        public Builder spanId(String value) { spanId = value; return this; }
        public Builder processingActivity(String value) { processingActivity = value; return this; }
        public Builder actingUser(String value) { actingUser = value; return this; }
        public Builder onBehalfOf(String value) { onBehalfOf = value; return this; }
        public Builder items(List<AuditItem> value) { items = value; return this; }

        /** Sets trace and span id together, from a W3C trace context. */
        public Builder trace(TraceContext trace) {
            traceId = trace == null ? null : trace.traceId();
            spanId = trace == null ? null : trace.spanId();
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(occurredAt, action, outcome, channel, recipientId, organisation, role, purposeId,
                    legalBasis, policyId, policyVersion, decisionId, recordKind, recordId, recordVersion, subjectHash,
                    fields, reason, traceId, spanId, processingActivity, actingUser, onBehalfOf, items);
        }
    }
}
