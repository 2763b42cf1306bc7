package nl.verzuimhub.connectors.register;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.RegisterPage;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.LoggerFactory;

/**
 * A register connector (poller and Camel route) against a WireMock register, with an in-memory store, the log lines
 * of the poller, and every event it reported. Tests configure short intervals, so nothing sleeps for seconds.
 */
final class RegisterFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Longer than any test waits: a second poll within a test can only come from a retry or the Meer loop. */
    static final Duration SLOW_POLL = Duration.ofSeconds(60);
    static final Duration FAST_POLL = Duration.ofMillis(200);
    static final Duration TICK = Duration.ofMillis(10);
    /** Fast back-off: 10, 20, 40 ms..., at most 3 requests per poll. */
    static final BackoffPolicy FAST_BACKOFF = new BackoffPolicy(Duration.ofMillis(10), 2.0, Duration.ofMillis(50), 3,
            () -> 0.5);
    static final List<Long> ALL_VOLGNUMMERS = List.of(1001L, 1002L, 1003L, 1004L, 1006L, 1007L, 1008L);

    final WireMockServer register;
    final FakeRegisterPageStore store = new FakeRegisterPageStore();
    final List<String> events = new CopyOnWriteArrayList<>();
    private final Logger pollerLog = (Logger) LoggerFactory.getLogger(RegisterPoller.class);
    private final ListAppender<ILoggingEvent> logLines = new ListAppender<>();
    CamelContext camel;
    RegisterPoller poller;

    RegisterFixture(WireMockServer register) {
        this.register = register;
        register.start();
        // After the sample pages the register has nothing new (tests that need more stub 1009 themselves).
        servePage(1009, com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(204));
        warmUp();
        logLines.start();
        pollerLog.addAppender(logLines);
    }

    /** One request before the test, so that no test's first request pays for class loading in a cold JVM. */
    private void warmUp() {
        try {
            new RegisterClient(new RegisterTransport(Duration.ofSeconds(10), Duration.ofSeconds(20), null, null,
                    PageLimits.DEFAULTS)).get(URI.create("http://localhost:" + register.port() + "/v1/mutaties?vanaf=1009&max=1"));
        } catch (Exception e) {
            throw new IllegalStateException("the WireMock register does not answer", e);
        }
        register.resetRequests();
    }

    /** Starts the route with the given settings. */
    RegisterFixture start(Supplier<URI> baseUrl, Duration pollInterval, BackoffPolicy backoff, RegisterTransport transport,
                          Clock clock) throws Exception {
        RegisterPageHandler handler = new RegisterPageHandler(store, clock, transport.limits());
        poller = new RegisterPoller(baseUrl, 500, new RegisterClient(transport), store, handler,
                new PollSchedule(pollInterval, backoff), recordingEvents(), clock);
        camel = new DefaultCamelContext();
        camel.addRoutes(new RegisterRoute(poller, TICK));
        camel.start();
        return this;
    }

    RegisterFixture start(Duration pollInterval) throws Exception {
        return start(this::url, pollInterval, FAST_BACKOFF, fastTransport(PageLimits.DEFAULTS), Clock.systemUTC());
    }

    /** Timeouts short enough for tests, long enough for the first request of a cold JVM. */
    static RegisterTransport fastTransport(PageLimits limits) {
        return new RegisterTransport(Duration.ofSeconds(2), Duration.ofSeconds(5), null, null, limits);
    }

    URI url() {
        return URI.create(register.baseUrl() + "/");
    }

    void servePage(long vanaf, ResponseDefinitionBuilder answer) {
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)))
                .willReturn(answer));
    }

    static RequestPatternBuilder pageRequest(long vanaf) {
        return getRequestedFor(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)));
    }

    long requests(long vanaf) {
        return register.countRequestsMatching(pageRequest(vanaf).build()).getCount();
    }

    /** The register is asked for {@code vanaf} exactly {@code times} and then not again for half a second. */
    void awaitRequestsThenQuiet(long vanaf, int times) {
        await().atMost(WAIT).until(() -> requests(vanaf) >= times);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> requests(vanaf) == times);
    }

    /** Every mutation of page-1 and page-2 stored exactly once, in order, and the cursor after page-2. */
    void assertEverythingStoredOnce() {
        await().atMost(WAIT).until(() -> store.cursor() == 1009L);
        assertThat(store.stored.stream().flatMap(p -> p.mutations().stream()).map(Mutation::sequence).toList())
                .containsExactlyElementsOf(ALL_VOLGNUMMERS);
        assertThat(store.stored).extracting(RegisterPage::requestedFrom).containsExactly(0L, 1007L);
        assertThat(store.cursor()).isEqualTo(1009L);
    }

    List<String> lines(Level level) {
        return logLines.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Events that go to {@link #events}. */
    RegisterEvents recordingEvents() {
        return new RegisterEvents() {
            @Override
            public void pageStored(long requestedFrom, int mutations, int changed) {
                events.add("stored " + requestedFrom + " " + mutations);
            }

            @Override
            public void pageQuarantined(long requestedFrom, String reason, long sizeBytes) {
                events.add("quarantined " + requestedFrom);
            }

            @Override
            public void failed(PollFailure failure, PollSchedule.Decision decision, Duration wait) {
                events.add("failed " + failure.cause().tag() + " " + decision);
            }
        };
    }

    @Override
    public void close() {
        if (camel != null) {
            camel.stop();
        }
        if (poller != null) {
            poller.close();
        }
        register.stop();
        pollerLog.detachAppender(logLines);
    }
}
