package nl.verzuimhub.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.server.ApiClient;
import nl.verzuimhub.server.AuditItemFixtures;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.server.dashboard.report.ReportService;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository;
import nl.verzuimhub.server.dashboard.search.DashboardEntry;
import nl.verzuimhub.server.dashboard.search.SearchCriteria;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A served feed page is one audit entry (hash format 3) with its items, and still every disclosure of a subject is
 * found per item: the dashboard's search, the subject-access report and the audit API show each of the subject's
 * items of the page, and none of another subject's items of the same page; the statistics count items; the chain
 * (mixed formats) verifies. The page is made of delivery rows written here, with ids far beyond the simulator's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded-postgres.data-dir=", "hub.register.poll-interval=1h", "hub.simulator.pupils=200"})
@ActiveProfiles("demo")
class FeedPageAuditTest {
    static final long FIRST = 50_000_001L;
    static final String ALICE = "111222333";
    static final String BOB = "123456782";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubjectHasher hasher;
    @Autowired
    AuditReadRepository dashboard;
    @Autowired
    ReportService reports;
    @Autowired
    AuditLog auditLog;

    String alice;
    String bob;

    @BeforeEach
    void aPageOfTwoSubjects() {
        alice = hasher.hash(ALICE);
        bob = hasher.hash(BOB);
        jdbc.update("delete from delivery where id >= ?", FIRST);
        delivery(FIRST, alice, "VM-G-1", "NIEUW", "Leerplichtwet 1969 art. 21a");
        delivery(FIRST + 1, bob, "VM-G-2", "NIEUW", "Leerplichtwet 1969 art. 21a");
        delivery(FIRST + 2, alice, "VM-G-3", "INGETROKKEN", "Leerplichtwet 1969 art. 21a");
        delivery(FIRST + 3, bob, "VM-G-4", "GEWIJZIGD", "Leerplichtwet 1969 art. 21a");
        delivery(FIRST + 4, alice, "VM-G-5", "GEWIJZIGD", "Leerplichtwet 1969 art. 18"); // another legal basis
    }

    @Test
    void onePageIsOneEntryPerLegalBasisWithEveryItemAndEachSubjectSeesOnlyItsOwnItems() {
        long entriesBefore = count("select count(*) from audit_entry");
        Map<String, Long> dailyBefore = AuditItemFixtures.dailyByAction(dashboard, "leerplicht-0363");
        ApiClient hub = new ApiClient(port);

        ApiClient.Response page = hub.get("/api/v1/feed?after=" + (FIRST - 1) + "&limit=100",
                hub.token("leerplicht-0363"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.items()).extracting(item -> ((Number) item.get("sequence")).longValue())
                .containsExactly(FIRST, FIRST + 1, FIRST + 2, FIRST + 3, FIRST + 4);
        // one entry per legal basis of the page (normally one), not one per item
        assertThat(count("select count(*) from audit_entry")).isEqualTo(entriesBefore + 2);
        List<Map<String, Object>> entries = jdbc.queryForList("select hash_format, action, channel, recipient_id,"
                + " subject_hash, item_delivery_ids::text as ids, item_subjects from audit_entry"
                + " where item_delivery_ids && array[?::bigint] or item_delivery_ids && array[?::bigint]"
                + " order by id", FIRST, FIRST + 4);
        assertThat(entries).hasSize(2).allSatisfy(entry -> assertThat(entry).containsEntry("hash_format", 3)
                .containsEntry("channel", "FEED").containsEntry("recipient_id", "leerplicht-0363")
                .containsEntry("subject_hash", null));
        assertThat(entries).extracting(entry -> entry.get("ids"))
                .containsExactly("{" + FIRST + "," + (FIRST + 1) + "," + (FIRST + 2) + "," + (FIRST + 3) + "}",
                        "{" + (FIRST + 4) + "}");

        // the dashboard's search and count: alice's three items, per item, and nothing of bob's
        List<DashboardEntry> aliceRows = dashboard.search(SearchCriteria.subject(alice), 1000).stream()
                .filter(row -> row.recordId() != null && row.recordId().startsWith("VM-G-")).toList();
        assertThat(aliceRows).extracting(DashboardEntry::recordId, DashboardEntry::action)
                .containsExactly(tuple("VM-G-1", "DISCLOSE"), tuple("VM-G-3", "RETRACT"), tuple("VM-G-5", "DISCLOSE"));
        assertThat(aliceRows).allSatisfy(row -> {
            assertThat(row.subjectHash()).isEqualTo(alice);
            assertThat(row.channel()).isEqualTo("FEED");
            assertThat(row.recipientId()).isEqualTo("leerplicht-0363");
            assertThat(row.policyId()).isEqualTo("rule-G");
            assertThat(row.decisionId()).startsWith("decision-");
        });
        assertThat(aliceRows.get(0).fields()).containsExactly("bsn", "hours");
        assertThat(aliceRows.get(1).fields()).isEmpty();
        assertThat(aliceRows.get(2).legalBasis()).isEqualTo("Leerplichtwet 1969 art. 18");
        assertThat(dashboard.search(SearchCriteria.subject(alice), 1000)).extracting(DashboardEntry::subjectHash)
                .containsOnly(alice);
        assertThat(dashboard.count(SearchCriteria.subject(alice)))
                .isEqualTo(dashboard.search(SearchCriteria.subject(alice), 1000).size());
        List<String> aliceStream = new java.util.ArrayList<>();
        dashboard.stream(SearchCriteria.subject(alice), Long.MAX_VALUE, row -> aliceStream.add(row.subjectHash()));
        assertThat(aliceStream).hasSize(dashboard.search(SearchCriteria.subject(alice), 1000).size())
                .containsOnly(alice);
        assertThat(dashboard.search(SearchCriteria.subject(bob), 1000)).extracting(DashboardEntry::recordId)
                .contains("VM-G-2", "VM-G-4").doesNotContain("VM-G-1", "VM-G-3", "VM-G-5");

        // the subject-access report: a line per item of alice's (three), of bob's two; the report names the kind only
        assertThat(AuditItemFixtures.reportLines(reports, alice)).hasSize(3);
        assertThat(AuditItemFixtures.reportLines(reports, bob)).hasSize(2);

        // the audit API's search by BSN: alice's items only, each with the page entry's id and hash
        ApiClient.Response search = hub.get("/api/v1/audit/entries?subject=" + ALICE + "&limit=1000",
                hub.token("fg-privacy"));
        assertThat(search.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> views = ((List<Map<String, Object>>) search.json().get("entries")).stream()
                .filter(view -> "FEED".equals(view.get("channel"))).toList();
        assertThat(views).extracting(view -> view.get("recordId")).containsExactly("VM-G-1", "VM-G-3", "VM-G-5");
        assertThat(views).extracting(view -> ((Number) view.get("deliveryId")).longValue())
                .containsExactly(FIRST, FIRST + 2, FIRST + 4);
        assertThat(views).allSatisfy(view -> assertThat(view).containsEntry("subjectHash", alice)
                .containsEntry("hashFormat", 3));
        assertThat(search.body()).doesNotContain(bob).doesNotContain("VM-G-2").doesNotContain(ALICE);

        // statistics count items, not pages
        Map<String, Long> dailyAfter = AuditItemFixtures.dailyByAction(dashboard, "leerplicht-0363");
        assertThat(dailyAfter.getOrDefault("DISCLOSE", 0L) - dailyBefore.getOrDefault("DISCLOSE", 0L)).isEqualTo(4);
        assertThat(dailyAfter.getOrDefault("RETRACT", 0L) - dailyBefore.getOrDefault("RETRACT", 0L)).isEqualTo(1);
        assertThat(dashboard.subjectSpread(Instant.EPOCH, 1)).extracting(AuditReadRepository.SubjectSpread::subjectHash)
                .contains(alice, bob);

        assertThat(auditLog.verify().valid()).isTrue();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private void delivery(long id, String subject, String recordId, String action, String legalBasis) {
        AuditItemFixtures.delivery(jdbc, id, "leerplicht-0363", "leerplicht", legalBasis, "rule-G", subject, recordId,
                action);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
