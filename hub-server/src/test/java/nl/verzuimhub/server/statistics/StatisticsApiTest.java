package nl.verzuimhub.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.statistics.RecordGroups;
import nl.verzuimhub.server.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statistics API end to end: the built-in register simulator serves a synthetic region, the hub ingests it into
 * the embedded PostgreSQL, and clients ask with real tokens from the embedded authorization server. Figures are
 * compared with hub-core's leerplichttelling over the same records; suppression on (partnership, statistics
 * recipient) and off (the municipality itself); JSON and CSV; every refusal a DENY entry, every answer a DISCLOSE
 * entry committed before it was sent; nothing sent when the audit log cannot be written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded-postgres.data-dir=", "hub.register.poll-interval=200ms", "hub.simulator.seed=23",
        "hub.simulator.pupils=1500"})
@ActiveProfiles({"demo", "statistics-test"})
class StatisticsApiTest {
    static final SimulatedRegion REGION = new SimulatedRegion(23, 1500);
    static final String YEAR = "/api/v1/statistics/2024-2025";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedPostgres postgres;
    ApiClient hub;

    @BeforeEach
    void ingested() {
        hub = new ApiClient(port);
        REGION.awaitIngested(jdbc);
    }

    @Test
    void theMunicipalitySeesItsOwnFiguresUnsuppressedAndTheAnswerIsAuditedFirst() {
        Map<String, Long> expected = REGION.expected(RecordGroups.municipality("0363"));
        assertThat(expected.get("pupilsWithReport")).as("the region has reports in Amsterdam").isPositive();

        ApiClient.Response response = hub.get(YEAR + "/municipalities/0363", hub.token("leerplicht-0363"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        Map<String, Object> table = response.json();
        assertThat(table).containsEntry("schoolYear", "2024-2025").containsEntry("groupType", "MUNICIPALITY")
                .containsEntry("groupCode", "0363").containsEntry("suppressed", false);
        Map<String, Map<String, Object>> cells = cells(table);
        expected.forEach((id, value) -> assertThat(((Number) cells.get(id).get("value")).longValue())
                .as(id).isEqualTo(value));
        assertThat(cells.values()).noneMatch(cell -> Boolean.TRUE.equals(cell.get("suppressed")));
        assertThat(cells).containsKeys("doorloopsnelheid.lrv.meanDays", "doorloopsnelheid.absoluteAbsence.open");

        Map<String, Object> entry = jdbc.queryForMap("select * from audit_entry where action = 'DISCLOSE'"
                + " and recipient_id = 'leerplicht-0363' and record_kind = 'STATISTIEK' order by id desc limit 1");
        assertThat(entry).containsEntry("channel", "API").containsEntry("purpose_id", "leerplicht")
                .containsEntry("record_id", "municipality=0363;schoolYear=2024-2025").containsEntry("organisation", "0363");
        assertThat((String) entry.get("reason")).contains("suppressed=false").contains("format=json");
        assertThat(entry.get("subject_hash")).isNull();
    }

    @Test
    void theStatisticsRecipientSeesEveryMunicipalityWithSmallCellsSuppressed() {
        String token = hub.token("statistiek-ocw");
        Map<String, Long> expected = REGION.expected(RecordGroups.municipality("0363"));
        assertThat(expected.values()).as("the region has small and large cells").anyMatch(v -> v > 0 && v < 5)
                .anyMatch(v -> v >= 5);

        Map<String, Map<String, Object>> cells = cells(hub.get(YEAR + "/municipalities/0363", token).json());
        expected.forEach((id, value) -> {
            if (value < 5) {
                assertThat(cells.get(id)).as(id).containsEntry("suppressed", true).containsEntry("value", null);
            } else {
                assertThat(((Number) cells.get(id).get("value")).longValue()).as(id).isEqualTo(value);
            }
        });

        long disclosed = ocwTableDisclosures();
        ApiClient.Response all = hub.get(YEAR + "/municipalities", token);
        assertThat(all.status()).isEqualTo(200);
        List<Map<String, Object>> tables = all.list();
        assertThat(tables).extracting(t -> t.get("groupCode")).containsExactlyElementsOf(
                REGION.stored.stream().map(r -> r.pupil().municipality()).distinct().sorted().toList());
        assertThat(tables).allSatisfy(t -> assertThat(t).containsEntry("suppressed", true));
        assertThat(ocwTableDisclosures()).as("one entry per table sent").isEqualTo(disclosed + tables.size());
    }

    private long ocwTableDisclosures() {
        return jdbc.queryForObject("select count(*) from audit_entry where recipient_id = 'statistiek-ocw' and"
                + " action = 'DISCLOSE' and purpose_id = 'statistiek' and record_id like 'municipality=%'", Long.class);
    }

    @Test
    void csvByPathSuffixAndByContentNegotiation() {
        String token = hub.token("statistiek-ocw");
        Map<String, Long> expected = REGION.expected(RecordGroups.municipality("0363"));

        long csvBefore = csvDisclosures();
        ApiClient.Response bySuffix = hub.get(YEAR + "/municipalities/0363.csv", token);
        ApiClient.Response byAccept = hub.get(YEAR + "/municipalities/0363", token, "Accept", "text/csv");

        assertThat(bySuffix.status()).isEqualTo(200);
        assertThat(bySuffix.contentType()).startsWith("text/csv");
        assertThat(byAccept.contentType()).startsWith("text/csv");
        assertThat(byAccept.body()).isEqualTo(bySuffix.body());
        List<String> lines = bySuffix.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(StatisticsCsv.HEADER);
        Map<String, String[]> rows = lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1))
                .collect(Collectors.toMap(parts -> parts[3], parts -> parts));
        expected.forEach((id, value) -> {
            String[] row = rows.get(id);
            assertThat(row[0]).isEqualTo("2024-2025");
            assertThat(row[2]).isEqualTo("0363");
            assertThat(row[5]).as(id).isEqualTo(value < 5 ? "" : value.toString());
            assertThat(row[7]).as(id).isEqualTo(Boolean.toString(value < 5));
        });
        assertThat(csvDisclosures()).isEqualTo(csvBefore + 2);
    }

    private long csvDisclosures() {
        return jdbc.queryForObject("select count(*) from audit_entry where recipient_id = 'statistiek-ocw' and"
                + " action = 'DISCLOSE' and reason like '%format=csv%'", Long.class);
    }

    @Test
    void thePartnershipSeesItsOwnPartnershipSuppressed() {
        String partnership = "VO2701";
        Predicate<RegisterRecord> group = RecordGroups.partnership(partnership);
        Map<String, Long> expected = REGION.expected(group);

        ApiClient.Response response = hub.get(YEAR + "/partnerships/" + partnership, hub.token("swv-vo2701"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).containsEntry("suppressed", true).containsEntry("groupType", "PARTNERSHIP");
        Map<String, Map<String, Object>> cells = cells(response.json());
        expected.forEach((id, value) -> assertThat(cells.get(id).get("value")).as(id)
                .isEqualTo(value < 5 ? null : value.intValue()));
        assertThat(jdbc.queryForObject("select purpose_id from audit_entry where recipient_id = 'swv-vo2701' and"
                + " record_kind = 'STATISTIEK' order by id desc limit 1", String.class)).isEqualTo("passend-onderwijs");
    }

    @Test
    void requestsOutsideTheCallersScopeAreRefusedAndLoggedAsDenials() {
        assertRefused("leerplicht-0363", YEAR + "/municipalities/0358", "its own municipality");
        assertRefused("leerplicht-0363", YEAR + "/partnerships/VO2701", "its own municipality");
        assertRefused("swv-vo2701", YEAR + "/municipalities/0363", "its own partnership");
        assertRefused("swv-vo2701", YEAR + "/municipalities", "per municipality");
        assertRefused("statistiek-ocw", YEAR + "/partnerships/VO2701", "per municipality only");
        assertRefused("jgz-ggd-amsterdam", YEAR + "/municipalities/0363", "covers statistics");
        assertRefused("fg-privacy", YEAR + "/municipalities/0363", "covers statistics");
        // a purpose the client holds but that does not cover statistics is refused as well
        ApiClient.Response wrongPurpose = hub.get(YEAR + "/municipalities/0363?purpose=statistiek",
                hub.token("leerplicht-0363"));
        assertThat(wrongPurpose.status()).isEqualTo(403);
    }

    @Test
    void badRequestsGetPreciseProblems() {
        String token = hub.token("leerplicht-0363");
        assertProblem(hub.get("/api/v1/statistics/2024/municipalities/0363", token), 400, "2024-2025");
        assertProblem(hub.get("/api/v1/statistics/2019-2020/municipalities/0363", token), 404, "school calendar");
        assertProblem(hub.get(YEAR + "/municipalities/03x3", token), 400, "four digits");
        assertProblem(hub.get(YEAR + "/municipalities/0363.xml", token), 406, "'.xml'");
        assertProblem(hub.get(YEAR + "/municipalities/0363", token, "Accept", "application/xml"), 406, "CSV");
        assertThat(hub.get("/api/v1/statistics/school-years", token).body()).contains("\"2024-2025\"");
    }

    @Test
    void nothingIsSentWhenTheAuditLogCannotBeWritten() {
        String token = hub.token("statistiek-ocw");
        long entriesBefore = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        owner.execute("alter table audit_chain_head rename to audit_chain_head_unavailable");
        try {
            ApiClient.Response json = hub.get(YEAR + "/municipalities/0363", token);
            ApiClient.Response csv = hub.get(YEAR + "/municipalities.csv", token);
            assertProblem(json, 503, "nothing was disclosed");
            assertProblem(csv, 503, "nothing was disclosed");
        } finally {
            owner.execute("alter table audit_chain_head_unavailable rename to audit_chain_head");
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(entriesBefore);
        assertThat(hub.get(YEAR + "/municipalities/0363", token).status()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesTheStatisticsEndpoints() {
        Map<String, Object> openApi = hub.get("/v3/api-docs", null).json();
        Map<String, Object> paths = (Map<String, Object>) openApi.get("paths");
        assertThat(paths.keySet()).contains("/api/v1/statistics/{schoolYear}/municipalities/{code}",
                "/api/v1/statistics/{schoolYear}/municipalities/{code}.{format}",
                "/api/v1/statistics/{schoolYear}/partnerships/{code}", "/api/v1/statistics/{schoolYear}/municipalities",
                "/api/v1/statistics/school-years");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) openApi.get("components")).get("schemas");
        assertThat(((Map<String, Object>) schemas.get("StatisticsTable")).get("properties"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("schoolYear", "groupType", "groupCode", "suppressed", "threshold", "indicators");
        Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths
                .get("/api/v1/statistics/{schoolYear}/municipalities/{code}")).get("get");
        Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) get.get("responses")).get("200");
        assertThat((Map<String, Object>) ok.get("content")).containsKeys("application/json", "text/csv");
    }

    private void assertRefused(String client, String path, String why) {
        long denials = denials(client);
        ApiClient.Response response = hub.get(path, hub.token(client));
        assertProblem(response, 403, why);
        assertThat(denials(client)).as(client + " " + path).isEqualTo(denials + 1);
        String reason = jdbc.queryForObject("select reason from audit_entry where action = 'DENY' and recipient_id = ?"
                + " order by id desc limit 1", String.class, client);
        assertThat(reason).startsWith("statistics").contains("refused");
    }

    private long denials(String client) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'DENY' and recipient_id = ?",
                Long.class, client);
    }

    private static void assertProblem(ApiClient.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat((String) response.json().get("detail")).contains(detail);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> cells(Map<String, Object> table) {
        return ((List<Map<String, Object>>) table.get("indicators")).stream()
                .collect(Collectors.toMap(cell -> (String) cell.get("id"), cell -> cell));
    }
}
