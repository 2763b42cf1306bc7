package nl.verzuimhub.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import nl.verzuimhub.connectors.register.BackoffPolicy;
import nl.verzuimhub.connectors.register.PageLimits;
import nl.verzuimhub.connectors.register.PollSchedule;
import nl.verzuimhub.connectors.register.RegisterClient;
import nl.verzuimhub.connectors.register.RegisterEvents;
import nl.verzuimhub.connectors.register.RegisterPageHandler;
import nl.verzuimhub.connectors.register.RegisterPoller;
import nl.verzuimhub.connectors.register.RegisterTransport;
import nl.verzuimhub.core.port.QuarantinedPage;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.RegisterPage;
import nl.verzuimhub.server.Eventually;
import nl.verzuimhub.server.database.MigratedPostgres;
import nl.verzuimhub.simulator.RegisterSimulator;
import nl.verzuimhub.simulator.SyntheticRegion;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances, each with the hub's register wiring (Camel route behind the lease gate, poller, page handler, fenced
 * store) on connections of its own, poll one register (the simulator, over HTTP) and share one PostgreSQL. Only the
 * lease holder asks the register anything and ingests; when it dies (it stops renewing, its route is gone) the other
 * takes over within the lease and goes on from the stored cursor; every mutation is ingested exactly once; and a
 * store by an instance that lost the lease is refused and rolls back.
 */
class RegisterLeadershipTest {
    static final Duration LEASE = Duration.ofSeconds(1);
    static final List<Mutation> REGION = SyntheticRegion.generate(7, 400).mutations();

    final AtomicReference<RegisterSimulator> register = new AtomicReference<>();
    final Map<String, AtomicInteger> requestsBy = new ConcurrentHashMap<>();
    HttpServer server;
    MigratedPostgres postgres;
    Instance first;
    Instance second;

    /** A register that serves the simulator's pages and counts requests per caller (its bearer token). */
    private void startRegister() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/mutaties", exchange -> {
            String caller = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
            requestsBy.computeIfAbsent(caller, c -> new AtomicInteger()).incrementAndGet();
            Map<String, String> query = new java.util.HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            byte[] page = register.get().page(Long.parseLong(query.get("vanaf")), Integer.parseInt(query.get("max")));
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        server.start();
    }

    /** One instance: its own connections, its lease, and the register wiring of RegisterConfiguration. */
    final class Instance {
        final String name;
        final JdbcTemplate jdbc;
        final RegisterLeadership leadership;
        final LeaderOnlyPageStore store;
        final CamelContext camel = new DefaultCamelContext();
        final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor();

        Instance(String name) throws Exception {
            this.name = name;
            DataSource dataSource = postgres.newDataSource();
            jdbc = new JdbcTemplate(dataSource);
            leadership = new RegisterLeadership(jdbc, LEASE);
            RecordingStore recording = new RecordingStore(jdbc, name);
            store = new LeaderOnlyPageStore(recording, leadership,
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
            RegisterTransport transport = new RegisterTransport(Duration.ofSeconds(2), Duration.ofSeconds(5), null, name,
                    PageLimits.DEFAULTS);
            RegisterPoller poller = new RegisterPoller(() -> URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                    50, new RegisterClient(transport), recording, new RegisterPageHandler(store, Clock.systemUTC()),
                    new PollSchedule(Duration.ofMillis(100), new BackoffPolicy(Duration.ofMillis(100), 2, Duration.ofSeconds(1),
                            3, Math::random)), RegisterEvents.NONE, Clock.systemUTC());
            camel.addRoutes(new LeaderOnlyRegisterRoute(poller, Duration.ofMillis(20), leadership));
        }

        /** What {@link LeadershipRenewal} does, on an executor the test can take away without a release. */
        void start() {
            leadership.claim();
            renewal.scheduleWithFixedDelay(leadership::claim, LEASE.toMillis() / 3, LEASE.toMillis() / 3,
                    TimeUnit.MILLISECONDS);
            camel.start();
        }

        /** The process is gone: no more renewals, no more polls, no release. */
        void die() {
            renewal.shutdownNow();
            camel.stop();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (Instance instance : new Instance[] {first, second}) {
            if (instance != null) {
                instance.die();
            }
        }
        if (server != null) {
            server.stop(0);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void onlyTheLeaseHolderPollsAndIngestsAndAnotherTakesOverWhenItDies() throws Exception {
        postgres = MigratedPostgres.start();
        postgres.jdbc().execute("create table ingested (sequence bigint not null, instance text not null)");
        int half = REGION.size() / 2;
        register.set(new RegisterSimulator(REGION.subList(0, half), Clock.systemUTC()));
        startRegister();
        first = new Instance("instance-a");
        second = new Instance("instance-b");
        first.start();
        second.start();
        assertThat(first.leadership.isLeader()).isTrue();
        assertThat(second.leadership.isLeader()).as("one leader at a time").isFalse();

        Eventually.await("the first half is ingested", Duration.ofSeconds(60), () -> ingested() == half);
        Thread.sleep(3 * LEASE.toMillis()); // several renewals and many ticks of both routes
        assertThat(requestsBy.get("instance-a").get()).isPositive();
        assertThat(requestsBy.get("instance-b")).as("the follower never asked the register").isNull();
        assertThat(postgres.jdbc().queryForList("select distinct instance from ingested", String.class))
                .containsExactly("instance-a");

        first.die();
        Instant died = Instant.now();
        register.set(new RegisterSimulator(REGION, Clock.systemUTC()));
        Eventually.await("the second instance took over", Duration.ofSeconds(30), second.leadership::isLeader);
        assertThat(Duration.between(died, Instant.now())).as("within the lease (and a renewal)")
                .isLessThan(LEASE.multipliedBy(3));
        Eventually.await("everything is ingested", Duration.ofSeconds(60), () -> ingested() == REGION.size());
        assertThat(postgres.jdbc().queryForObject("select count(distinct sequence) from ingested", Long.class))
                .as("each mutation once").isEqualTo(REGION.size());
        assertThat(postgres.jdbc().queryForObject("select count(*) from ingested where instance = 'instance-b'",
                Long.class)).isEqualTo(REGION.size() - half);
        assertThat(postgres.jdbc().queryForObject("select term from register_leadership", Long.class)).isEqualTo(2);
        assertThat(first.leadership.holder()).as("what the status endpoint shows on any instance")
                .isEqualTo(second.leadership.owner());

        // The dead instance's store (a poll it had in flight, a retry of a quarantined page) is refused and rolls back.
        long cursor = second.store.nextSequence();
        assertThatThrownBy(() -> first.store.store(new RegisterPage(cursor, List.of(REGION.get(0)), cursor + 1, false)))
                .isInstanceOf(RegisterLeadership.NotLeaderException.class);
        assertThat(ingested()).isEqualTo(REGION.size());
        assertThat(second.store.nextSequence()).isEqualTo(cursor);
        assertThat(first.leadership.claim()).as("the lease is held and renewed by the other").isFalse();
    }

    private long ingested() {
        return postgres.jdbc().queryForObject("select count(*) from ingested", Long.class);
    }

    /** Stands in for the hub's ingest: notes which instance stored each mutation and moves the shared cursor. */
    private record RecordingStore(JdbcTemplate jdbc, String instance) implements RegisterPageStore {
        @Override
        public long nextSequence() {
            return jdbc.queryForObject("select next_sequence from register_cursor where id = 1", Long.class);
        }

        @Override
        public int store(RegisterPage page) {
            for (Mutation mutation : page.mutations()) {
                jdbc.update("insert into ingested (sequence, instance) values (?, ?)", mutation.sequence(), instance);
            }
            jdbc.update("update register_cursor set next_sequence = greatest(next_sequence, ?), updated_at = ?"
                    + " where id = 1", page.nextSequence(), Timestamp.from(Instant.now()));
            return page.mutations().size();
        }

        @Override
        public void quarantine(QuarantinedPage page) {
            throw new AssertionError("the simulator's pages are valid");
        }
    }
}
