package nl.verzuimhub.server.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
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
import nl.verzuimhub.server.PushAuditItems;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two hub instances share one PostgreSQL and one outbox, and each runs its own {@link Dispatcher} (own connections,
 * own HTTP clients, own owner id), as two processes would. A third party, the instance that ingests (the single
 * writer of delivery rows), decides a synthetic region's mutations for six municipalities and queues their pushes
 * while both dispatch. The receivers (WireMock) fail and recover by chance, one is down for its first seconds, and
 * when the receivers have processed 30 batches the instance that just sent one dies before it can record that the
 * batch arrived (its transactions freeze). Its lanes' leases run out and the other instance takes over, resending
 * the unrecorded batch under the same Idempotency-Key. Later the dead instance comes back (as after a long pause)
 * and both go on with the rest of the region, which withdraws records the receivers already have.
 *
 * <p>What the hub guarantees, and what is asserted per recipient:
 * <ol>
 *   <li>every delivery queued for push arrives, i.e. is processed by the receiver (one withdrawn at the source
 *       before it was sent as a retraction without data), and every batch ends DELIVERED;</li>
 *   <li>at-least-once on the wire only under a repeated Idempotency-Key: one delivery id never travels under two
 *       keys, and every request of one key carries the same sequences with the same content, except that an item
 *       withdrawn at the source between attempts comes as a retraction without data on later attempts;</li>
 *   <li>so a receiver that drops repeated keys processes each delivery exactly once;</li>
 *   <li>per recipient, the receiver processes deliveries in delivery-id order (strictly increasing);</li>
 *   <li>every delivery the hub saw acknowledged is an item of exactly one "push delivered" audit entry, naming the
 *       key it was processed under; every queued delivery is an item of exactly one "push queued" entry, committed
 *       with it, so before it could leave; the chain verifies.</li>
 * </ol>
 */
class TwoDispatchersTest {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TwoDispatchersTest.class);
    static final List<String> MUNICIPALITIES = List.of("0363", "0599", "0518", "0362", "0384", "0358");
    static final Duration LEASE = Duration.ofSeconds(2);

    final PolicyEngine engine = new PolicyEngine(DefaultPolicySet.policySet(), new RegionDirectory(Map.of()),
            new Pseudonymiser(new byte[32]));
    final DedupReceiver receiver = new DedupReceiver(20261123, "/hooks/0518", Duration.ofSeconds(3),
            Duration.ofMillis(800));
    final WireMockServer receivers = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .extensions(receiver));
    final List<AutoCloseable> closeAtEnd = new ArrayList<>();
    MigratedPostgres postgres;

    @AfterEach
    void stop() throws Exception {
        for (int i = closeAtEnd.size() - 1; i >= 0; i--) {
            closeAtEnd.get(i).close();
        }
        receivers.stop();
        if (postgres != null) {
            postgres.close();
        }
    }

    /** One hub instance's outbox parts, on connections of its own. */
    final class Instance implements AutoCloseable {
        final HikariDataSource dataSource;
        final JdbcTemplate jdbc;
        final FreezableTransactions transactions;
        final RecipientDirectory directory;
        final AuditLog auditLog;
        final PushConnectors connectors;
        final OutboxSignal signal = new OutboxSignal();
        final Dispatcher dispatcher;

        Instance(RecipientProperties recipients, OutboxProperties outbox) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(postgres.newDataSource());
            config.setMaximumPoolSize(8);
            dataSource = new HikariDataSource(config);
            jdbc = new JdbcTemplate(dataSource);
            transactions = new FreezableTransactions(dataSource);
            directory = new RecipientDirectory(recipients, engine);
            auditLog = AuditLogs.on(dataSource, engine);
            connectors = new PushConnectors(recipients, outbox, Clock.systemUTC());
            dispatcher = new Dispatcher(new OutboxRepository(jdbc), connectors, directory, new ClientRegistry(jdbc,
                    PasswordEncoderFactories.createDelegatingPasswordEncoder(), directory, Clock.systemUTC()),
                    auditLog, outbox, transactions, JsonMapper.builder().build(), Clock.systemUTC(), signal);
        }

        @Override
        public void close() {
            transactions.thaw();
            dispatcher.stop();
            connectors.close();
            dataSource.close();
        }
    }

    @Test
    void twoInstancesDeliverEveryPushOncePerKeyInOrderWhileOneDiesAndComesBack() throws Exception {
        postgres = MigratedPostgres.start();
        receivers.start();
        receivers.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(200)));
        RecipientProperties recipients = recipients();
        OutboxProperties outbox = new OutboxProperties(true, Duration.ofMillis(50), 1000, Duration.ofMillis(20),
                Duration.ofMillis(400), LEASE, 20);

        Instance first = new Instance(recipients, outbox);
        closeAtEnd.add(first);
        Instance second = new Instance(recipients, outbox);
        closeAtEnd.add(second);
        Instance writer = new Instance(recipients, outbox); // the ingesting instance; its dispatcher never starts
        closeAtEnd.add(writer);
        DeliveryRepository deliveries = DeliveryRepositories.of(writer.jdbc, JsonMapper.builder().build(),
                new Outbox(writer.jdbc, writer.connectors, writer.directory, writer.auditLog, writer.signal));
        Distributor distributor = new Distributor(engine, writer.directory::all, new SubjectHasher(new byte[32]));

        AtomicReference<Instance> victim = new AtomicReference<>();
        AtomicReference<String> killedKey = new AtomicReference<>();
        receiver.onProcessed((path, key, processedSoFar) -> {
            if (processedSoFar >= 30 && victim.get() == null) {
                String sender = writer.jdbc.queryForObject("select lease_owner from outbox_lane where recipient_id = ?",
                        String.class, "leerplicht-" + path.substring("/hooks/".length()));
                Instance dying = sender.equals(first.dispatcher.owner()) ? first : second;
                if (victim.compareAndSet(null, dying)) {
                    killedKey.set(key);
                    dying.transactions.freeze(); // it dies after this send, before recording it
                }
            }
        });
        first.dispatcher.start();
        second.dispatcher.start();

        List<Mutation> region = SyntheticRegion.generate(23, 6000).mutations();
        int half = region.size() / 2;
        ingest(writer, deliveries, distributor, region.subList(0, half));
        Eventually.await("an instance died mid-batch", Duration.ofSeconds(120), () -> killedKey.get() != null);
        Instance dead = victim.get();
        Instance survivor = dead == first ? second : first;
        Eventually.await("the survivor delivered the batch the dead instance had sent", Duration.ofSeconds(60),
                () -> writer.jdbc.queryForObject("select count(*) from outbox_attempt a join outbox_batch b"
                        + " on b.id = a.batch_id where b.idempotency_key = ? and a.outcome = 'DELIVERED'"
                        + " and a.dispatcher = ?", Long.class, killedKey.get(), survivor.dispatcher.owner()) == 1);
        dead.transactions.thaw(); // back from the dead, with an unrecorded send in hand
        ingest(writer, deliveries, distributor, region.subList(half, region.size()));
        for (String municipality : MUNICIPALITIES) {
            Eventually.await(municipality + " has everything", Duration.ofSeconds(180),
                    () -> drained(writer.jdbc, "leerplicht-" + municipality));
        }
        first.dispatcher.stop();
        second.dispatcher.stop();

        JdbcTemplate jdbc = writer.jdbc;
        long queuedInAll = jdbc.queryForObject("select count(*) from outbox_item", Long.class);
        assertThat(queuedInAll).as("a realistic number of pushes").isGreaterThan(2_000);
        assertThat(jdbc.queryForObject("select count(*) from delivery where action = 'INGETROKKEN'", Long.class))
                .as("the second half withdraws records").isPositive();
        assertThat(jdbc.queryForObject("select count(*) from outbox_batch where status <> 'DELIVERED'", Long.class))
                .isZero();
        assertThat(jdbc.queryForList("select distinct dispatcher from outbox_attempt where outcome = 'DELIVERED'",
                String.class)).as("both instances delivered").containsExactlyInAnyOrder(first.dispatcher.owner(),
                second.dispatcher.owner());
        List<DedupReceiver.Seen> killed = receiver.seen(pathOf(killedBatchRecipient(jdbc, killedKey.get()))).stream()
                .filter(seen -> seen.key().equals(killedKey.get())).toList();
        // earlier attempts of the key may have failed (503, reset) before the one the receiver processed
        int arrived = killed.stream().map(DedupReceiver.Seen::processed).toList().indexOf(true);
        assertThat(arrived).as("the dead instance's send arrived").isNotNegative();
        assertThat(killed).as("and was sent again, under its key, by the survivor").hasSizeGreaterThan(arrived + 1);

        int requests = 0;
        int repeats = 0;
        for (String municipality : MUNICIPALITIES) {
            List<DedupReceiver.Seen> seen = receiver.seen("/hooks/" + municipality);
            requests += seen.size();
            repeats += (int) seen.stream().filter(r -> r.accepted() && !r.processed()).count();
            assertDeliveredOncePerKeyInOrder(jdbc, "leerplicht-" + municipality);
        }
        log.info("{} pushes in {} batches over {} lanes: {} requests, {} accepted repeats dropped by the receivers",
                queuedInAll, jdbc.queryForObject("select count(*) from outbox_batch", Long.class), MUNICIPALITIES.size(),
                requests, repeats);
        assertThat(writer.auditLog.verify().valid()).isTrue();
    }

    private void assertDeliveredOncePerKeyInOrder(JdbcTemplate jdbc, String recipient) {
        List<DedupReceiver.Seen> seen = receiver.seen(pathOf(recipient));
        Set<Long> queued = new HashSet<>(jdbc.queryForList("select delivery_id from outbox_item where recipient_id = ?",
                Long.class, recipient));
        Set<Long> withdrawn = new HashSet<>(jdbc.queryForList("select t.delivery_id from outbox_item t join delivery d"
                + " on d.id = t.delivery_id where t.recipient_id = ? and d.withdrawn", Long.class, recipient));
        assertThat(queued).as(recipient + " has pushes").hasSizeGreaterThan(50);

        // 2. One key per delivery id on the wire; per key the same items, only ever fewer (withdrawn) on a repeat.
        Map<Long, String> keyOf = new HashMap<>();
        Map<String, Map<Long, Map<String, Object>>> firstOfKey = new HashMap<>();
        for (DedupReceiver.Seen request : seen) {
            Map<Long, Map<String, Object>> items = new LinkedHashMap<>();
            request.items().forEach(item -> items.put(((Number) item.get("sequence")).longValue(), item));
            for (Long id : items.keySet()) {
                String other = keyOf.putIfAbsent(id, request.key());
                assertThat(other == null ? request.key() : other).as(recipient + ": delivery " + id + " under one key")
                        .isEqualTo(request.key());
            }
            Map<Long, Map<String, Object>> first = firstOfKey.putIfAbsent(request.key(), items);
            if (first != null) {
                assertThat(items.keySet()).as(recipient + ": a repeat of " + request.key() + " carries the same items")
                        .isEqualTo(first.keySet());
                items.forEach((id, item) -> {
                    if (!item.equals(first.get(id))) {
                        assertThat(withdrawn).as(recipient + ": only a withdrawn item changes on a repeat").contains(id);
                        assertThat(item.get("action")).as(recipient + ": as a retraction").isEqualTo("INGETROKKEN");
                        assertThat(item.get("data")).as(recipient + ": without data").isEqualTo(Map.of());
                    }
                });
            }
        }

        // 3, 4. What the receiver processed: each delivery once, in delivery-id order, every live one.
        List<Long> processed = seen.stream().filter(DedupReceiver.Seen::processed)
                .flatMap(request -> request.sequences().stream()).toList();
        assertThat(processed).as(recipient + ": each delivery processed once").doesNotHaveDuplicates();
        assertThat(processed).as(recipient + ": in delivery-id order").isSorted();
        assertThat(queued).as(recipient + ": nothing processed that was not queued").containsAll(processed);
        assertThat(processed).as(recipient + ": every delivery arrived").containsAll(queued);

        // 5. The audit log: each acknowledged delivery an item of one "push delivered" entry, under the key it was
        // processed under; each processed delivery an item of one "push queued" entry (committed before it left).
        Map<Long, String> audited = PushAuditItems.delivered(jdbc, recipient);
        Map<Long, String> processedUnder = new HashMap<>();
        seen.stream().filter(DedupReceiver.Seen::processed)
                .forEach(request -> request.sequences().forEach(id -> processedUnder.put(id, request.key())));
        audited.forEach((id, key) -> assertThat(processedUnder.get(id))
                .as(recipient + ": audited delivery " + id + " was processed under its audited key").isEqualTo(key));
        assertThat(audited.keySet()).as(recipient + ": every processed delivery audited as delivered")
                .isEqualTo(processedUnder.keySet());
        List<Long> queuedItems = PushAuditItems.queued(jdbc, recipient);
        assertThat(queuedItems).as(recipient + ": every queued delivery audited as queued, once")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(queued);
        assertThat(queuedItems).as(recipient + ": every processed delivery was audited before it left")
                .containsAll(processed);
    }


    private static String killedBatchRecipient(JdbcTemplate jdbc, String key) {
        return jdbc.queryForObject("select recipient_id from outbox_batch where idempotency_key = ?", String.class, key);
    }

    private static String pathOf(String recipient) {
        return "/hooks/" + recipient.substring("leerplicht-".length());
    }

    /** The single ingest writer: pages of 50 mutations, each decided, stored and queued in one transaction. */
    private static void ingest(Instance writer, DeliveryRepository deliveries, Distributor distributor,
                               List<Mutation> mutations) {
        TransactionTemplate tx = new TransactionTemplate(writer.transactions);
        String policyVersion = DefaultPolicySet.policySet().version();
        for (int from = 0; from < mutations.size(); from += 50) {
            List<Mutation> page = mutations.subList(from, Math.min(from + 50, mutations.size()));
            tx.executeWithoutResult(status -> {
                java.time.Instant now = java.time.Instant.now();
                for (Mutation mutation : page) {
                    if (mutation.action() == MutationAction.INGETROKKEN) {
                        deliveries.retract(mutation, policyVersion, now);
                    } else {
                        deliveries.insert(mutation, distributor.distribute(mutation), now);
                    }
                }
            });
        }
    }

    private static boolean drained(JdbcTemplate jdbc, String recipient) {
        return jdbc.queryForObject("""
                select count(*) from outbox_item t left join outbox_batch b on b.id = t.batch_id
                 where t.recipient_id = ? and (b.id is null or b.status <> 'DELIVERED')""", Long.class, recipient) == 0;
    }

    private RecipientProperties recipients() {
        Map<String, RecipientProperties.Client> clients = new LinkedHashMap<>();
        for (String municipality : MUNICIPALITIES) {
            RecipientProperties.Push push = new RecipientProperties.Push("webhook",
                    URI.create(receivers.baseUrl() + "/hooks/" + municipality), "push-secret-for-tests-0001", null,
                    Duration.ofMillis(300), Duration.ofMillis(500), null, null, null, null, null, null, null, null,
                    null, null, null, null);
            clients.put("leerplicht-" + municipality, new RecipientProperties.Client(new RecipientProperties.Org(
                    OrganisationType.MUNICIPALITY, municipality, "Gemeente " + municipality + ", leerplicht"),
                    RecipientRole.ATTENDANCE_OFFICER, List.of("leerplicht"), null, push));
        }
        return new RecipientProperties(clients);
    }
}
