package nl.verzuimhub.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.RegisterPage;
import nl.verzuimhub.simulator.SyntheticRegion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A restart in the middle of a batch loses nothing: the hub is stopped while a webhook request is in flight (the
 * recipient answers only after the hub's shutdown grace), and a new hub on the same database (an embedded
 * PostgreSQL this test starts, outside both application contexts) sends that batch again under the same key and
 * then the rest. The receiver, dropping repeats, processes every disclosure once; the audit log says the same.
 */
class PushRestartTest {
    static final String RECEIVER_PATH = "/hooks/0363";
    final WireMockServer register = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    EmbeddedPostgres postgres;

    @AfterEach
    void stop() throws Exception {
        register.stop();
        receiver.stop();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRestartWithARequestInFlightLosesNothingAndTheReceiverProcessesEachDisclosureOnce() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
        register.start();
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).willReturn(aResponse().withStatus(204)));
        receiver.start();
        receiver.stubFor(post(RECEIVER_PATH).inScenario("restart").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200)).willSetStateTo("second"));
        receiver.stubFor(post(RECEIVER_PATH).inScenario("restart").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200)).willSetStateTo("slow"));
        receiver.stubFor(post(RECEIVER_PATH).inScenario("restart").whenScenarioStateIs("slow")
                .willReturn(aResponse().withStatus(200).withFixedDelay(8_000)).willSetStateTo("rest"));
        receiver.stubFor(post(RECEIVER_PATH).inScenario("restart").whenScenarioStateIs("rest")
                .willReturn(aResponse().withStatus(200)));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());

        ConfigurableApplicationContext first = startHub();
        List<Mutation> region = SyntheticRegion.generate(5, 300).mutations();
        RegisterPageStore store = first.getBean(RegisterPageStore.class);
        for (int from = 0; from < region.size(); from += 100) {
            List<Mutation> page = region.subList(from, Math.min(from + 100, region.size()));
            store.store(new RegisterPage(store.nextSequence(), page, page.get(page.size() - 1).sequence() + 1, false));
        }
        long queued = PushReceivers.queued(jdbc, "leerplicht-0363").size();
        assertThat(queued).as("more than three batches of 5").isGreaterThan(15);
        Eventually.await("two batches delivered", Duration.ofSeconds(60), () -> delivered(jdbc) == 2);
        Thread.sleep(500); // the third request is on its way; its answer takes 8 s
        first.close();

        assertThat(delivered(jdbc)).as("the third batch was cut off by the stop").isEqualTo(2);
        String inFlight = jdbc.queryForObject("select idempotency_key from outbox_batch where status = 'PENDING'"
                + " order by id limit 1", String.class);
        assertThat(jdbc.queryForObject("select lease_owner from outbox_lane where recipient_id = 'leerplicht-0363'",
                String.class)).as("the stopped hub let go of the lane").isNull();
        Eventually.await("the receiver processed the cut-off request", Duration.ofSeconds(20),
                () -> PushReceivers.processed(receiver, RECEIVER_PATH).size() == 3);

        ConfigurableApplicationContext second = startHub();
        try {
            Eventually.await("everything delivered after the restart", Duration.ofSeconds(60),
                    () -> PushReceivers.drained(jdbc, "leerplicht-0363"));
        } finally {
            second.close();
        }

        assertThat(PushReceivers.requests(receiver, RECEIVER_PATH).stream()
                .filter(e -> inFlight.equals(e.getRequest().getHeader("Idempotency-Key"))).count())
                .as("the cut-off batch was sent again under its key").isEqualTo(2);
        PushReceivers.assertSameItemsPerKey(receiver, RECEIVER_PATH);
        Map<Long, String> received = PushReceivers.sequencesByKey(PushReceivers.processed(receiver, RECEIVER_PATH));
        Map<Long, String> audited = PushAuditItems.delivered(jdbc, "leerplicht-0363");
        assertThat(received).isEqualTo(audited);
        Map<Long, Boolean> withdrawn = new HashMap<>();
        jdbc.query("select id, withdrawn from delivery where recipient_id = 'leerplicht-0363'",
                (java.sql.ResultSet row) -> {
                    withdrawn.put(row.getLong(1), row.getBoolean(2));
                });
        for (long delivery : PushReceivers.queued(jdbc, "leerplicht-0363")) {
            assertThat(received.containsKey(delivery) || withdrawn.get(delivery))
                    .as("delivery " + delivery + " was received, or withdrawn before it was sent").isTrue();
        }
        assertThat(PushAuditItems.queued(jdbc, "leerplicht-0363"))
                .as("every queued delivery is an item of exactly one push queued entry")
                .containsExactlyInAnyOrderElementsOf(PushReceivers.queued(jdbc, "leerplicht-0363"));
    }

    private long delivered(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from outbox_batch where status = 'DELIVERED'", Long.class);
    }

    private DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    private ConfigurableApplicationContext startHub() {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("hub.register.base-url", register.baseUrl());
        properties.put("hub.register.poll-interval", "1s");
        properties.put("hub.outbox.poll-interval", "50ms");
        properties.put("hub.outbox.initial-backoff", "50ms");
        properties.put("hub.outbox.max-backoff", "500ms");
        properties.put("hub.outbox.lease", "60s");
        properties.put("hub.outbox.batch-size", "5");
        String prefix = "hub.recipients.leerplicht-0363.push.";
        properties.put(prefix + "connector", "webhook");
        properties.put(prefix + "url", receiver.baseUrl() + RECEIVER_PATH);
        properties.put(prefix + "secret", "push-secret-for-tests-0001");
        properties.put(prefix + "connect-timeout", "1s");
        properties.put(prefix + "read-timeout", "20s");
        // As command-line arguments: they take precedence over application.yml (default properties would not).
        return new SpringApplicationBuilder(VerzuimhubApplication.class).profiles("demo").run(properties.entrySet()
                .stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
