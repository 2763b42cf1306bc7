package nl.verzuimhub.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.disclosure.RecordFields;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.SickReport;
import nl.verzuimhub.core.recipient.Organisation;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Purpose;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import org.junit.jupiter.api.Test;

/**
 * Properties of the engine over many random records, recipients and policy sets, from fixed seeds (a failure is
 * reproducible). Each property is checked against the policy model directly, never against the engine's index.
 */
class PolicyPropertiesTest {
    static final int CASES = 3000;
    static final RegionDirectory REGIONS = GoldenTableTest.REGIONS;
    static final List<Recipient> RECIPIENTS = recipients();

    final Pseudonymiser pseudonymiser = new Pseudonymiser("property-test-master-key-0123456789abcdef".getBytes());

    @Test
    void noMatchingPermitMeansDeny() {
        RandomRecords random = new RandomRecords(1);
        PolicySet set = DefaultPolicySet.policySet();
        PolicyEngine engine = new PolicyEngine(set, REGIONS, pseudonymiser);
        int denied = 0;
        for (int i = 0; i < CASES; i++) {
            RegisterRecord record = random.any();
            Recipient recipient = random.pick(RECIPIENTS);
            String purpose = random.pick(new ArrayList<>(set.purposes().keySet()));
            Decision decision = engine.decide(record, recipient, purpose);
            boolean anyPermitMatches = set.permits().stream().anyMatch(rule -> rule.role() == recipient.role()
                    && rule.purposeId().equals(purpose) && rule.kinds().contains(record.kind())
                    && rule.scope().covers(record, recipient, REGIONS)
                    && (!rule.mazl() || MazlCriterion.holds((SickReport) record, List.of(), SchoolCalendar.WEEKDAYS)));
            if (!anyPermitMatches || !recipient.purposes().contains(purpose)) {
                assertThat(decision).as("case %d: %s for %s under %s", i, record, recipient.clientId(), purpose)
                        .isInstanceOf(Deny.class);
                denied++;
            }
        }
        assertThat(denied).as("the random cases include denials").isGreaterThan(CASES / 10);
        PolicySet noRules = PolicySet.of("empty", List.copyOf(set.purposes().values()), List.of());
        PolicyEngine empty = new PolicyEngine(noRules, REGIONS, pseudonymiser);
        for (int i = 0; i < CASES; i++) {
            Recipient recipient = random.pick(RECIPIENTS);
            assertThat(empty.decide(random.any(), recipient, recipient.purposes().get(0))).isInstanceOf(Deny.class);
        }
    }

    @Test
    void aForbidAlwaysWins() {
        RandomRecords random = new RandomRecords(2);
        PolicySet base = DefaultPolicySet.policySet();
        for (int round = 0; round < 200; round++) {
            RecipientRole role = random.pick(RecipientRole.values());
            RecordKind kind = random.pick(RecordKind.values());
            Set<DataField> fields = EnumSet.noneOf(DataField.class);
            for (DataField field : DataField.values()) {
                if (!FieldTreatment.isDerived(field) && random.random().nextInt(4) == 0) {
                    fields.add(field);
                }
            }
            boolean whole = random.random().nextInt(3) == 0;
            DisclosureRule forbid = new DisclosureRule("forbid.random", Effect.FORBID, Set.of(role), null, Set.of(kind),
                    RuleScope.EVERYTHING, Map.of(), whole ? Set.of() : fields, false, null, "test", null, null);
            List<DisclosureRule> rules = new ArrayList<>(base.rules());
            rules.add(random.random().nextInt(rules.size() + 1), forbid);
            PolicyEngine engine = new PolicyEngine(new PolicySet("forbid-test", "x", base.purposes(),
                    base.purposeFields(), base.switches(), rules), REGIONS, pseudonymiser, Set.of("swv-wettelijke-taak"));
            for (int i = 0; i < 50; i++) {
                RegisterRecord record = random.any();
                Recipient recipient = random.pick(RECIPIENTS);
                if (recipient.role() != role || record.kind() != kind) {
                    continue;
                }
                Decision decision = engine.decide(record, recipient, recipient.purposes().get(0));
                if (whole) {
                    assertThat(decision).isInstanceOfSatisfying(Deny.class,
                            deny -> assertThat(deny.reason()).isIn(DenyReason.FORBIDDEN, DenyReason.PURPOSE_NOT_GRANTED));
                } else if (decision instanceof Permit permit) {
                    for (DataField field : fields) {
                        assertThat(permit.view().fields()).doesNotContain(field);
                    }
                    if (fields.contains(DataField.BSN) && fields.contains(DataField.ONDERWIJSNUMMER)) {
                        assertThat(permit.view().fields()).doesNotContain(DataField.PSEUDONYM);
                    }
                    if (fields.contains(DataField.BIRTH_DATE)) {
                        assertThat(permit.view().fields()).doesNotContain(DataField.BIRTH_YEAR, DataField.AGE);
                    }
                }
            }
        }
    }

    @Test
    void theMinimisationStepOnItsOwnGivesExactlyThePermitsView() {
        RandomRecords random = new RandomRecords(7);
        PolicySet base = DefaultPolicySet.policySet();
        int permits = 0;
        int narrowed = 0;
        for (int round = 0; round < 40; round++) {
            RecipientRole role = random.pick(RecipientRole.values());
            Set<DataField> fields = EnumSet.noneOf(DataField.class);
            for (DataField field : DataField.values()) {
                if (!FieldTreatment.isDerived(field) && random.random().nextInt(5) == 0) {
                    fields.add(field);
                }
            }
            DisclosureRule forbid = new DisclosureRule("forbid.random-fields", Effect.FORBID, Set.of(role), null,
                    EnumSet.allOf(RecordKind.class), RuleScope.EVERYTHING, Map.of(), fields, false, null, "test", null,
                    null);
            List<DisclosureRule> rules = new ArrayList<>(base.rules());
            rules.add(forbid);
            Set<String> switches = round % 2 == 0 ? Set.of() : Set.of("swv-wettelijke-taak");
            PolicyEngine engine = new PolicyEngine(new PolicySet("minimise-test", "x", base.purposes(),
                    base.purposeFields(), base.switches(), rules), REGIONS, pseudonymiser, switches);
            for (int i = 0; i < 150; i++) {
                RegisterRecord record = random.any();
                Recipient recipient = random.pick(RECIPIENTS);
                String purpose = recipient.purposes().get(0);
                if (engine.decide(record, recipient, purpose) instanceof Permit permit) {
                    permits++;
                    assertThat(engine.minimise(record, permit.ruleId(), recipient, purpose))
                            .as("case %d.%d: %s for %s", round, i, record, recipient.clientId())
                            .isEqualTo(permit.view());
                    if (permit.ruleIds().contains("forbid.random-fields")) {
                        narrowed++;
                    }
                }
            }
        }
        assertThat(permits).isGreaterThan(200);
        assertThat(narrowed).as("permits a field forbid narrowed").isGreaterThan(20);
        PolicyEngine engine = new PolicyEngine(base, REGIONS, pseudonymiser);
        RegisterRecord sickReport = Records.sickReport("0363", "VO2701");
        Recipient partnership = RECIPIENTS.stream().filter(r -> r.role() == RecipientRole.PARTNERSHIP).findFirst()
                .orElseThrow();
        for (String notAPermitHere : List.of("no.such.rule", "forbid.no-record-level-data",
                "passend-onderwijs.partnership.school")) {
            assertThatThrownBy(() -> engine.minimise(sickReport, notAPermitHere, partnership, "passend-onderwijs"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(notAPermitHere);
        }
    }

    @Test
    void isoTextOfDatesAndTimesIsExactlyWhatJavaTimePrints() {
        for (String date : List.of("2011-03-14", "0999-12-31", "1000-01-01", "9999-12-31", "+10000-01-01",
                "-0001-06-15", "2024-10-01")) {
            LocalDate value = LocalDate.parse(date);
            assertThat(FieldReader.iso(value)).isEqualTo(value.toString());
        }
        for (String time : List.of("2024-10-01T09:12:00+02:00", "2024-10-01T09:12:00Z", "2024-01-31T23:59:59-05:30",
                "2024-10-01T09:12:00.5+02:00", "0999-10-01T09:12:00+02:00", "2024-10-01T09:12:07+01:02:03",
                "2024-10-01T00:00:00+14:00")) {
            OffsetDateTime value = OffsetDateTime.parse(time);
            assertThat(FieldReader.iso(value)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    @Test
    void disclosedFieldsNeverExceedThePurposesAllowedFieldsNorTheRecord() {
        RandomRecords random = new RandomRecords(3);
        PolicySet set = DefaultPolicySet.policySet();
        for (Set<String> switches : List.of(Set.<String>of(), Set.of("swv-wettelijke-taak"))) {
            PolicyEngine engine = new PolicyEngine(set, REGIONS, pseudonymiser, switches);
            int permits = 0;
            for (int i = 0; i < CASES; i++) {
                RegisterRecord record = random.any();
                Recipient recipient = random.pick(RECIPIENTS);
                String purpose = recipient.purposes().get(0);
                Decision decision = engine.decide(record, recipient, purpose);
                if (decision instanceof Permit permit) {
                    permits++;
                    assertThat(set.purposeFields().get(purpose)).as("purpose %s", purpose)
                            .containsAll(permit.view().fields());
                    Set<DataField> source = RecordFields.of(record).fields();
                    for (DataField field : permit.view().fields()) {
                        if (!FieldTreatment.isDerived(field)) {
                            assertThat(source).contains(field);
                        }
                    }
                }
            }
            assertThat(permits).isGreaterThan(CASES / 20);
        }
    }

    @Test
    void pseudonymsAreStablePerRecipientAndDifferBetweenRecipients() {
        RandomRecords random = new RandomRecords(4);
        Pseudonymiser again = new Pseudonymiser("property-test-master-key-0123456789abcdef".getBytes());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < CASES; i++) {
            String bsn = random.bsn();
            String a = "recipient-" + random.random().nextInt(50);
            String b = "recipient-" + (50 + random.random().nextInt(50));
            String pseudonym = pseudonymiser.pseudonym(a, bsn);
            assertThat(pseudonym).matches("[0-9a-f]{32}").isEqualTo(pseudonymiser.pseudonym(a, bsn))
                    .isEqualTo(again.pseudonym(a, bsn)).isNotEqualTo(pseudonymiser.pseudonym(b, bsn))
                    .doesNotContain(bsn);
            seen.add(a + "/" + pseudonym);
        }
        assertThat(seen).hasSizeGreaterThan(CASES * 9 / 10);
    }

    @Test
    void decidingNeverMutatesAndMinimisingReturnsANewValue() {
        RandomRecords random = new RandomRecords(5);
        PolicyEngine engine = new PolicyEngine(DefaultPolicySet.policySet(), REGIONS, pseudonymiser);
        for (int i = 0; i < CASES; i++) {
            RegisterRecord record = random.any();
            var before = RecordFields.of(record);
            Recipient recipient = random.pick(RECIPIENTS);
            Decision decision = engine.decide(record, recipient, recipient.purposes().get(0));
            assertThat(RecordFields.of(record)).isEqualTo(before);
            if (decision instanceof Permit permit && !permit.view().isEmpty()) {
                assertThat(permit.view()).isNotSameAs(before);
            }
        }
    }

    @Test
    void theFastFieldReaderGivesExactlyTheValuesOfRecordFields() {
        RandomRecords random = new RandomRecords(6);
        for (int i = 0; i < CASES; i++) {
            RegisterRecord record = random.any();
            Map<DataField, Object> expected = RecordFields.of(record).values();
            for (DataField field : DataField.values()) {
                assertThat(FieldReader.read(record, field)).as("%s of %s", field, record)
                        .isEqualTo(expected.get(field));
            }
        }
    }

    private static List<Recipient> recipients() {
        List<Recipient> recipients = new ArrayList<>();
        for (Map.Entry<RecipientRole, Organisation> entry : GoldenTableTest.ORGANISATIONS.entrySet()) {
            String purpose = switch (entry.getKey()) {
                case ATTENDANCE_OFFICER -> "leerplicht";
                case RMC -> "rmc";
                case PARTNERSHIP -> "passend-onderwijs";
                case YOUTH_DOCTOR -> "jeugdgezondheidszorg";
                case STATISTICS -> "statistiek";
                default -> "toezicht";
            };
            recipients.add(new Recipient("p-" + entry.getKey().name().toLowerCase(), entry.getValue(), entry.getKey(),
                    List.of(purpose)));
        }
        recipients.add(new Recipient("p-leerplicht-0599", new Organisation(OrganisationType.MUNICIPALITY, "0599", "R"),
                RecipientRole.ATTENDANCE_OFFICER, List.of("leerplicht")));
        recipients.add(new Recipient("p-swv-po2801", new Organisation(OrganisationType.PARTNERSHIP, "PO2801", "S"),
                RecipientRole.PARTNERSHIP, List.of("passend-onderwijs")));
        return recipients;
    }

}
