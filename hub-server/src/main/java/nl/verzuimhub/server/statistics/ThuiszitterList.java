package nl.verzuimhub.server.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.calendar.SchoolYear;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.disclosure.RecordView;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.rules.EpisodeKind;
import nl.verzuimhub.core.rules.Thuiszitter;
import nl.verzuimhub.core.rules.ThuiszitterRule;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.policies.Decision;
import nl.verzuimhub.policies.Permit;
import nl.verzuimhub.policies.PolicyEngine;

/**
 * The partnership's list of thuiszitters in a school year: hub-core's {@link ThuiszitterRule} over the partnership's
 * stored records, each case shown only as the policy engine lets the partnership see its record (the same view as
 * its feed: its own pseudonym, or the BSN once the legal-basis switch is on). A case whose record the engine does
 * not permit is left out. Plain class.
 *
 * <p>Contract: every row carries the audit entry of its disclosure (the record, the permit that allowed it, the
 * subject's keyed hash and the fields shown); the caller writes them before showing any row.
 */
final class ThuiszitterList {
    /** The fields a row shows, as the policy names them; an identifier is one of the first three. */
    static final List<DataField> SHOWN = List.of(DataField.PSEUDONYM, DataField.BSN, DataField.ONDERWIJSNUMMER,
            DataField.BRIN, DataField.ABSENCE_TYPE, DataField.PERIOD_START, DataField.PERIOD_END, DataField.STATUS);

    private final PolicyEngine engine;
    private final ThuiszitterRule rule;
    private final SubjectHasher hasher;

    ThuiszitterList(PolicyEngine engine, ThuiszitterRule rule, SubjectHasher hasher) {
        this.engine = engine;
        this.rule = rule;
        this.hasher = hasher;
    }

    /**
     * One shown case.
     *
     * @param identifier the pupil as the partnership may see it: its pseudonym, or the BSN/onderwijsnummer
     * @param status     the record's status as disclosed (GEREGISTREERD, IN_BEHANDELING, AFGESLOTEN), or empty
     */
    record Row(String identifier, String identifierField, String kind, String school, LocalDate start, LocalDate end,
               long durationDays, boolean open, String status, AuditEvent audit) {
    }

    /**
     * The cases of {@code year}, measured on {@code reference} (the last day of the year, or today when earlier):
     * every case that had started by then and had not ended before the year began; open ones first, longest first.
     */
    List<Row> rows(List<RegisterRecord> records, SchoolYear year, LocalDate reference, Recipient recipient,
                   String purposeId, String reason, Instant now) {
        Map<String, RegisterRecord> byId = new HashMap<>();
        records.forEach(record -> byId.put(record.kind() + "/" + record.id(), record));
        List<Row> rows = new ArrayList<>();
        for (Thuiszitter thuiszitter : rule.evaluate(records, reference)) {
            if (thuiszitter.end() != null && thuiszitter.end().isBefore(year.firstDay())) {
                continue;
            }
            RecordKind kind = thuiszitter.episode().kind() == EpisodeKind.LRV ? RecordKind.VERZUIMMELDING
                    : RecordKind.ABSOLUUT_VERZUIM;
            RegisterRecord record = byId.get(kind + "/" + thuiszitter.episode().recordId());
            if (record == null) {
                continue;
            }
            Decision decision = engine.decide(record, recipient, purposeId);
            if (decision instanceof Permit permit) {
                rows.add(row(thuiszitter, record, permit, recipient, reason, now));
            }
        }
        rows.sort(Comparator.comparing(Row::open).reversed().thenComparing(Comparator.comparingLong(Row::durationDays)
                .reversed()).thenComparing(Row::identifier));
        return rows;
    }

    private Row row(Thuiszitter thuiszitter, RegisterRecord record, Permit permit, Recipient recipient, String reason,
                    Instant now) {
        RecordView view = permit.view();
        DataField identifierField = SHOWN.subList(0, 3).stream().filter(f -> view.get(f) != null).findFirst()
                .orElse(DataField.PSEUDONYM);
        List<String> fields = SHOWN.stream().filter(f -> view.get(f) != null).map(DataField::jsonName).toList();
        AuditEvent event = AuditEvent.builder(now, AuditAction.DISCLOSE, AuditOutcome.SUCCESS)
                .channel(nl.verzuimhub.dpia.AuditChannel.DASHBOARD).recipientId(recipient.clientId())
                .organisation(recipient.organisation().code()).role(recipient.role().name())
                .purposeId(permit.purpose().id()).legalBasis(permit.purpose().legalBasis()).policyId(permit.ruleId())
                .policyVersion(permit.policySetVersion()).decisionId(permit.decisionId())
                .recordKind(record.kind().name()).recordId(record.id()).recordVersion(record.version())
                .subjectHash(hasher.hash(record.pupil().identifier().value())).fields(fields).reason(reason).build();
        return new Row(text(view, identifierField), identifierField.jsonName(), thuiszitter.episode().kind().name(),
                text(view, DataField.BRIN), thuiszitter.start(), thuiszitter.end(), thuiszitter.durationDays(),
                thuiszitter.open(), text(view, DataField.STATUS), event);
    }

    private static String text(RecordView view, DataField field) {
        Object value = view.get(field);
        return value == null ? "" : value.toString();
    }
}
