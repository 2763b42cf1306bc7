package nl.verzuimhub.server.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.policies.DefaultPolicySet;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.policies.Pseudonymiser;
import nl.verzuimhub.policies.RegionDirectory;
import nl.verzuimhub.server.Eventually;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.server.audit.AuditLogs;
import nl.verzuimhub.server.database.MigratedPostgres;
import nl.verzuimhub.server.distribution.DeliveryRepositories;
import nl.verzuimhub.server.distribution.DeliveryRepository;
import nl.verzuimhub.server.distribution.Distributor;
import nl.verzuimhub.server.recipients.ClientRegistry;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import nl.verzuimhub.server.recipients.RecipientProperties;
import nl.verzuimhub.simulator.SyntheticRegion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes leave when their transaction commits, not at the dispatcher's next poll: with a poll interval of ten minutes,
 * the deliveries of each of five later transactions reach the receiver within seconds ({@link OutboxSignal}), and a
 * batch formed by that turn is sent by it (its next-attempt time, stored in microseconds, is not read back as later
 * than the moment it was formed).
 */
class DispatcherWakeTest {
    static final Duration POLL = Duration.ofMinutes(10);

    final PolicyEngine engine = new PolicyEngine(DefaultPolicySet.policySet(), new RegionDirectory(Map.of()),
            new Pseudonymiser(new byte[32]));
    final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    MigratedPostgres postgres;
    PushConnectors connectors;
    Dispatcher dispatcher;

    @AfterEach
    void stop() throws Exception {
        if (dispatcher != null) {
            dispatcher.stop();
        }
        if (connectors != null) {
            connectors.close();
        }
        receiver.stop();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void deliveriesQueuedAfterTheLastPollArePushedOnCommitWithoutWaitingForTheNextPoll() {
        postgres = MigratedPostgres.start();
        receiver.start();
        receiver.stubFor(post(urlPathEqualTo("/hooks/0363")).willReturn(aResponse().withStatus(200)));
        RecipientProperties recipients = recipients();
        OutboxProperties outbox = new OutboxProperties(true, POLL, 12, Duration.ofMillis(20), Duration.ofMillis(400),
                Duration.ofSeconds(30), 100);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(postgres.newDataSource());
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(transactions.getDataSource());
        RecipientDirectory directory = new RecipientDirectory(recipients, engine);
        AuditLog auditLog = AuditLogs.on(transactions.getDataSource(), engine);
        connectors = new PushConnectors(recipients, outbox, Clock.systemUTC());
        OutboxSignal signal = new OutboxSignal();
        dispatcher = new Dispatcher(new OutboxRepository(jdbc), connectors, directory, new ClientRegistry(jdbc,
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), directory, Clock.systemUTC()), auditLog,
                outbox, transactions, JsonMapper.builder().build(), Clock.systemUTC(), signal);
        DeliveryRepository deliveries = DeliveryRepositories.of(jdbc, JsonMapper.builder().build(),
                new Outbox(jdbc, connectors, directory, auditLog, signal));
        Distributor distributor = new Distributor(engine, directory::all, new SubjectHasher(new byte[32]));
        List<Mutation> region = SyntheticRegion.generate(7, 400).mutations().stream()
                .filter(mutation -> mutation.action() != MutationAction.INGETROKKEN)
                .filter(mutation -> "0363".equals(mutation.record().pupil().municipality())).toList();
        assertThat(region).hasSizeGreaterThan(20);

        dispatcher.start(); // its first poll runs now and finds nothing; the next one is ten minutes away
        TransactionTemplate tx = new TransactionTemplate(transactions);
        int pages = 5;
        for (int page = 0; page < pages; page++) {
            List<Mutation> mutations = region.subList(page * 4, page * 4 + 4);
            tx.executeWithoutResult(status -> mutations.forEach(mutation -> deliveries.insert(mutation,
                    distributor.distribute(mutation), Instant.now())));
            assertThat(pending(jdbc)).as("page %d queued pushes", page).isPositive();
            Eventually.await("page " + page + " pushed on commit", Duration.ofSeconds(10), () -> pending(jdbc) == 0);
        }
        receiver.verify(pages, postRequestedFor(urlPathEqualTo("/hooks/0363")));
    }

    private static long pending(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                select count(*) from outbox_item t left join outbox_batch b on b.id = t.batch_id
                 where b.id is null or b.status <> 'DELIVERED'""", Long.class);
    }

    private RecipientProperties recipients() {
        RecipientProperties.Push push = new RecipientProperties.Push("webhook",
                URI.create(receiver.baseUrl() + "/hooks/0363"), "push-secret-for-tests-0001", null,
                Duration.ofSeconds(2), Duration.ofSeconds(5), null, null, null, null, null, null, null, null,
                null, null, null, null);
        return new RecipientProperties(Map.of("leerplicht-0363", new RecipientProperties.Client(
                new RecipientProperties.Org(OrganisationType.MUNICIPALITY, "0363", "Gemeente Amsterdam, leerplicht"),
                RecipientRole.ATTENDANCE_OFFICER, List.of("leerplicht"), null, push)));
    }
}
