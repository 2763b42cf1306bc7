package nl.verzuimhub.connectors.register;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import nl.verzuimhub.core.record.RegisterPage;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The register route in a real Camel context against a WireMock register. */
class RegisterRouteTest {
    /** Longer than any test waits: a second request within a test can only come from the route's own loop. */
    private static final Duration SLOW_POLL = Duration.ofSeconds(30);
    private static final Duration FAST_POLL = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** A response header on every page; Camel would copy it into the next request unless the route clears headers. */
    private static final String TRACE_HEADER = "X-Register-Trace";

    private final WireMockServer register = new WireMockServer(options().dynamicPort());
    private final FakeRegisterPageStore store = new FakeRegisterPageStore();
    private final Logger routeLog = (Logger) LoggerFactory.getLogger(RegisterRoute.class);
    private final ListAppender<ILoggingEvent> routeLogLines = new ListAppender<>();
    private CamelContext camel;

    @BeforeEach
    void startRegister() {
        register.start();
        routeLogLines.start();
        routeLog.addAppender(routeLogLines);
    }

    @AfterEach
    void stopEverything() {
        if (camel != null) {
            camel.stop();
        }
        register.stop();
        routeLog.detachAppender(routeLogLines);
    }

    @Test
    void fetchesTheNextPageAtOnceWhileTheRegisterHasMoreAndStoresTheCursor() throws Exception {
        servePage(0, ok("page-1.xml"));
        servePage(1007, ok("page-2.xml"));
        servePage(1009, ok("empty.xml"));

        startRoute(this::registerUrl, SLOW_POLL);

        await().atMost(WAIT).until(() -> store.cursor() == 1009L);
        assertThat(store.stored).extracting(RegisterPage::requestedFrom).containsExactly(0L, 1007L);
        assertThat(store.stored.get(0).mutations()).hasSize(5);
        assertThat(store.stored.get(1).mutations()).hasSize(2);
        assertThat(store.quarantined).isEmpty();
        register.verify(1, pageRequest(0));
        register.verify(1, pageRequest(1007));
        register.verify(0, pageRequest(1009));
    }

    @Test
    void asksForXmlWithAPlainGetAndSendsNoLeftoversFromThePreviousPage() throws Exception {
        servePage(0, ok("page-1.xml"));
        servePage(1007, ok("page-2.xml"));

        startRoute(this::registerUrl, SLOW_POLL);

        await().atMost(WAIT).until(() -> store.cursor() == 1009L);
        for (long vanaf : new long[] {0, 1007}) {
            register.verify(pageRequest(vanaf)
                    .withQueryParam("max", equalTo("500"))
                    .withQueryParam("okStatusCodeRange", absent())
                    .withQueryParam("httpMethod", absent())
                    .withHeader("Accept", equalTo("application/xml"))
                    .withHeader(TRACE_HEADER, absent())
                    .withHeader("Content-Type", absent()));
        }
    }

    @Test
    void keepsPollingAtTheIntervalOnceCaughtUp() throws Exception {
        servePage(1009, ok("empty.xml"));
        store.store(new RegisterPage(0, java.util.List.of(), 1009, false));

        startRoute(this::registerUrl, FAST_POLL);

        await().atMost(WAIT).until(() -> register.countRequestsMatching(pageRequest(1009).build()).getCount() >= 3);
        assertThat(store.cursor()).isEqualTo(1009L);
    }

    @Test
    void aServerErrorLeavesTheCursorWhereItWasAndEndsThePoll() throws Exception {
        servePage(0, aResponse().withStatus(500).withBody("internal error"));

        startRoute(this::registerUrl, SLOW_POLL);

        awaitExactlyOneRequestFor(0);
        assertThat(store.stored).isEmpty();
        assertThat(store.quarantined).isEmpty();
        assertThat(store.cursor()).isZero();
        assertThat(camel.getRouteController().getRouteStatus(RegisterRoute.POLL_ROUTE_ID)).isEqualTo(ServiceStatus.Started);
        assertThat(warnings()).singleElement().satisfies(line ->
                assertThat(line).contains("HTTP 500").contains("vanaf=0").doesNotContain("internal error"));
    }

    @Test
    void asksTheSamePageAgainAtTheNextPollAfterAServerError() throws Exception {
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo("0"))
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo("0"))
                .inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(ok("page-1.xml")));
        servePage(1007, ok("page-2.xml"));

        startRoute(this::registerUrl, FAST_POLL);

        await().atMost(WAIT).until(() -> store.cursor() == 1009L);
        register.verify(2, pageRequest(0));
        assertThat(store.stored).extracting(RegisterPage::requestedFrom).containsExactly(0L, 1007L);
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void nothingNewStoresNothingAndWaitsForTheNextPoll(int status) throws Exception {
        servePage(0, aResponse().withStatus(status));

        startRoute(this::registerUrl, SLOW_POLL);

        awaitExactlyOneRequestFor(0);
        assertThat(store.stored).isEmpty();
        assertThat(store.quarantined).isEmpty();
        assertThat(store.cursor()).isZero();
        assertThat(warnings()).as("%d is an expected answer, not a failure", status).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void nothingNewAfterAPageWithMoreEndsThePoll(int status) throws Exception {
        servePage(0, ok("page-1.xml"));
        servePage(1007, aResponse().withStatus(status));

        startRoute(this::registerUrl, SLOW_POLL);

        await().atMost(WAIT).until(() -> register.countRequestsMatching(pageRequest(1007).build()).getCount() >= 1);
        await().during(Duration.ofSeconds(1)).atMost(WAIT)
                .until(() -> register.countRequestsMatching(pageRequest(1007).build()).getCount() == 1);
        assertThat(store.cursor()).isEqualTo(1007L);
    }

    @Test
    void aQuarantinedPageEndsThePollEvenThoughItSaysMore() throws Exception {
        servePage(0, aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                .withBody(Samples.edited("page-1.xml", "<Bsn>691682483</Bsn>", "<Bsn>123456789</Bsn>")));

        startRoute(this::registerUrl, SLOW_POLL);

        await().atMost(WAIT).until(() -> store.quarantined.size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(WAIT)
                .until(() -> register.countRequestsMatching(pageRequest(0).build()).getCount() == 1);
        assertThat(store.stored).isEmpty();
        assertThat(store.quarantined.get(0).reason()).contains("volgnummer 1004");
    }

    @Test
    void anUnreachableRegisterDoesNotStopTheRouteAndTheUrlIsAskedAgainAtEveryPoll() throws Exception {
        servePage(0, ok("page-1.xml"));
        servePage(1007, ok("page-2.xml"));
        URI closed = URI.create("http://localhost:" + unusedPort());
        AtomicReference<URI> url = new AtomicReference<>(closed);

        startRoute(url::get, FAST_POLL);

        await().atMost(WAIT).until(() -> store.cursorReads.size() >= 2);
        assertThat(store.stored).isEmpty();
        url.set(URI.create(register.baseUrl()));
        await().atMost(WAIT).until(() -> store.cursor() == 1009L);
    }

    @Test
    void anUnusableBaseUrlIsReportedWithoutStoppingTheRoute() throws Exception {
        startRoute(() -> URI.create("ftp://register.example"), FAST_POLL);

        await().atMost(WAIT).until(() -> warnings().size() >= 2);
        assertThat(warnings()).allSatisfy(line -> assertThat(line).contains("http or https"));
        assertThat(store.stored).isEmpty();
        assertThat(camel.getRouteController().getRouteStatus(RegisterRoute.POLL_ROUTE_ID)).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void aBaseUrlSupplierThatIsNotReadyIsReportedAndAskedAgainAtTheNextPoll() throws Exception {
        servePage(0, ok("empty.xml"));
        AtomicReference<URI> url = new AtomicReference<>();

        startRoute(() -> {
            if (url.get() == null) {
                throw new IllegalStateException("the web server has not started yet");
            }
            return url.get();
        }, FAST_POLL);

        await().atMost(WAIT).until(() -> !warnings().isEmpty());
        assertThat(warnings().get(0)).contains("not available yet").contains("the web server has not started yet");
        url.set(URI.create(register.baseUrl()));
        await().atMost(WAIT).until(() -> store.cursor() == 1009L);
    }

    private java.util.List<String> warnings() {
        return routeLogLines.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private void startRoute(Supplier<URI> baseUrl, Duration pollInterval) throws Exception {
        RegisterPageHandler handler = new RegisterPageHandler(store, Clock.systemUTC());
        camel = new DefaultCamelContext();
        camel.addRoutes(new RegisterRoute(baseUrl, pollInterval, 500, store, handler));
        camel.start();
    }

    private URI registerUrl() {
        return URI.create(register.baseUrl() + "/");
    }

    private void servePage(long vanaf, ResponseDefinitionBuilder answer) {
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)))
                .willReturn(answer));
    }

    private static ResponseDefinitionBuilder ok(String sample) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withHeader(TRACE_HEADER, sample)
                .withBody(Samples.bytes(sample));
    }

    private static RequestPatternBuilder pageRequest(long vanaf) {
        return getRequestedFor(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)));
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The register is asked for {@code vanaf} once, and not again for at least a second (no hot retry loop). */
    private void awaitExactlyOneRequestFor(long vanaf) {
        await().atMost(WAIT).until(() -> register.countRequestsMatching(pageRequest(vanaf).build()).getCount() >= 1);
        await().during(Duration.ofSeconds(1)).atMost(WAIT)
                .until(() -> register.countRequestsMatching(pageRequest(vanaf).build()).getCount() == 1);
    }
}
