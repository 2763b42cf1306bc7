package nl.verzuimhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.simulator.SyntheticRegion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The run command's setup: no register URL, so the hub serves its built-in synthetic region over the register
 * interface and polls it. Everything the simulator publishes is ingested, and each demo recipient sees only its
 * own scope, minimised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded-postgres.data-dir=", "hub.register.poll-interval=200ms", "hub.simulator.seed=7",
        "hub.simulator.pupils=1500"})
@ActiveProfiles("demo")
class BuiltInSimulatorTest {
    static final Set<String> NEVER_TO_PARTNERSHIPS = Set.of("bsn", "onderwijsnummer", "birthDate", "postcode",
            "suspectedReason", "schoolAction", "grounds", "reporter");
    static final Set<String> YOUTH_DOCTOR_FIELDS = Set.of("bsn", "onderwijsnummer", "birthDate", "brin", "branch",
            "sector", "periodStart", "periodEnd");
    static final Set<String> GGD_AMSTERDAM_AMSTELLAND = Set.of("0358", "0362", "0363", "0384", "0437", "0451");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theWholeSyntheticRegionIsIngestedAndEachRecipientSeesOnlyItsScope() {
        List<Mutation> published = SyntheticRegion.generate(7, 1500).mutations();
        long lastSequence = published.get(published.size() - 1).sequence();
        long objects = published.stream().map(m -> m.record().kind() + "/" + m.record().id()).distinct().count();
        Eventually.await("every simulated mutation is ingested", Duration.ofSeconds(60),
                () -> jdbc.queryForObject("select next_sequence from register_cursor", Long.class) == lastSequence + 1);
        assertThat(jdbc.queryForObject("select count(*) from register_record", Long.class)).isEqualTo(objects);
        assertThat(jdbc.queryForObject("select count(*) from register_quarantine", Long.class)).isZero();

        ApiClient hub = new ApiClient(port);
        List<Map<String, Object>> leerplicht = hub.feed("leerplicht-0363", 0).items();
        assertThat(leerplicht).isNotEmpty();
        assertThat(withData(leerplicht)).isNotEmpty()
                .allSatisfy(item -> assertThat(data(item)).containsEntry("municipality", "0363"));

        List<Map<String, Object>> partnership = hub.feed("swv-vo2701", 0).items();
        assertThat(withData(partnership)).isNotEmpty().allSatisfy(item -> {
            assertThat(item.get("kind")).isNotEqualTo("ZIEKMELDING");
            assertThat(data(item)).containsEntry("partnership", "VO2701").containsKey("pseudonym")
                    .doesNotContainKeys(NEVER_TO_PARTNERSHIPS.toArray(String[]::new));
        });

        List<Map<String, Object>> youthDoctor = hub.feed("jgz-ggd-amsterdam", 0).items();
        assertThat(withData(youthDoctor)).isNotEmpty().allSatisfy(item -> {
            assertThat(item.get("kind")).isEqualTo("ZIEKMELDING");
            assertThat(YOUTH_DOCTOR_FIELDS).containsAll(data(item).keySet());
        });
        Set<String> sickReportsInRegion = published.stream()
                .filter(m -> m.record().kind() == nl.verzuimhub.core.record.RecordKind.ZIEKMELDING)
                .filter(m -> GGD_AMSTERDAM_AMSTELLAND.contains(m.record().pupil().municipality()))
                .map(m -> m.record().id()).collect(java.util.stream.Collectors.toSet());
        assertThat(youthDoctor).allSatisfy(item -> assertThat(sickReportsInRegion).contains((String) item.get("id")));
    }

    private static List<Map<String, Object>> withData(List<Map<String, Object>> items) {
        return items.stream().filter(item -> !"INGETROKKEN".equals(item.get("action"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> item) {
        return (Map<String, Object>) item.get("data");
    }
}
