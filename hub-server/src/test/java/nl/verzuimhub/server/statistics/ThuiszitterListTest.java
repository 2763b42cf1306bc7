package nl.verzuimhub.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.recipient.Organisation;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.rules.ThuiszitterDefinition;
import nl.verzuimhub.core.rules.ThuiszitterRule;
import nl.verzuimhub.core.statistics.RecordGroups;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.policies.Pseudonymiser;
import nl.verzuimhub.policies.RegionDirectory;
import org.junit.jupiter.api.Test;

/**
 * The partnership's list shows each pupil exactly as the policy engine lets the partnership see the record: its own
 * pseudonym while the legal-basis switch is off, the identifier once it is on; and every row carries its audit entry.
 */
class ThuiszitterListTest {
    static final SimulatedRegion REGION = new SimulatedRegion(23, 1500);
    static final byte[] KEY = "synthetic-test-key-for-pseudonyms-0001".getBytes(StandardCharsets.UTF_8);
    static final Recipient PARTNERSHIP = new Recipient("swv-vo2701",
            new Organisation(OrganisationType.PARTNERSHIP, "VO2701", "SWV"), RecipientRole.PARTNERSHIP,
            List.of("passend-onderwijs"));
    final List<RegisterRecord> records = REGION.stored.stream().filter(RecordGroups.partnership("VO2701")).toList();
    final SubjectHasher hasher = new SubjectHasher("synthetic-test-key-for-subjects-00001".getBytes(StandardCharsets.UTF_8));

    @Test
    void withTheSwitchOffEachPupilShowsUnderThePartnershipsOwnPseudonym() {
        List<ThuiszitterList.Row> rows = rows(Set.of());
        assertThat(rows).isNotEmpty();
        Pseudonymiser pseudonyms = new Pseudonymiser(KEY);
        Map<String, RegisterRecord> byId = byId();
        assertThat(rows).allSatisfy(row -> {
            RegisterRecord record = byId.get(row.audit().recordId());
            assertThat(row.identifierField()).isEqualTo("pseudonym");
            assertThat(row.identifier()).isEqualTo(pseudonyms.pseudonym("swv-vo2701",
                    record.pupil().identifier().value()));
            assertThat(row.audit().action()).isEqualTo(AuditAction.DISCLOSE);
            assertThat(row.audit().subjectHash()).isEqualTo(hasher.hash(record.pupil().identifier().value()));
            assertThat(row.audit().fields()).contains("pseudonym", "brin", "periodStart").doesNotContain("bsn");
            assertThat(row.audit().policyId()).isEqualTo("passend-onderwijs.partnership.school");
        });
        assertThat(rows).extracting(ThuiszitterList.Row::open).isSortedAccordingTo((a, b) -> Boolean.compare(b, a));
    }

    @Test
    void withTheSwitchOnEachPupilShowsWithItsIdentifier() {
        List<ThuiszitterList.Row> rows = rows(Set.of("swv-wettelijke-taak"));
        Map<String, RegisterRecord> byId = byId();
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            PupilIdentifier identifier = byId.get(row.audit().recordId()).pupil().identifier();
            assertThat(row.identifier()).isEqualTo(identifier.value());
            assertThat(row.identifierField()).isIn("bsn", "onderwijsnummer");
            assertThat(row.audit().fields()).doesNotContain("pseudonym");
        });
    }

    private List<ThuiszitterList.Row> rows(Set<String> switches) {
        PolicyEngine engine = new PolicyEngine(DefaultPolicySet.policySet(), new RegionDirectory(Map.of()),
                new Pseudonymiser(KEY), switches);
        ThuiszitterList list = new ThuiszitterList(engine,
                new ThuiszitterRule(ThuiszitterDefinition.MORE_THAN_THREE_MONTHS), hasher);
        return list.rows(records, SimulatedRegion.YEAR, SimulatedRegion.YEAR.lastDay(), PARTNERSHIP,
                "passend-onderwijs", "test", Instant.now());
    }

    private Map<String, RegisterRecord> byId() {
        Map<String, RegisterRecord> byId = new java.util.HashMap<>();
        records.forEach(record -> byId.put(record.id(), record));
        return byId;
    }
}
