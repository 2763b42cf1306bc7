package nl.verzuimhub.connectors.register;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static nl.verzuimhub.connectors.register.RegisterFixture.FAST_BACKOFF;
import static nl.verzuimhub.connectors.register.RegisterFixture.FAST_POLL;
import static nl.verzuimhub.connectors.register.RegisterFixture.SLOW_POLL;
import static nl.verzuimhub.connectors.register.RegisterFixture.WAIT;
import static nl.verzuimhub.connectors.register.RegisterFixture.pageRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import nl.verzuimhub.core.record.RegisterPage;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The register route in a real Camel context against a WireMock register: the normal flow. */
class RegisterRouteTest {
    /** A response header on every page; it must never be echoed into the next request. */
    private static final String TRACE_HEADER = "X-Register-Trace";

    private final RegisterFixture fixture = new RegisterFixture(new WireMockServer(options().dynamicPort()));
    private final FakeRegisterPageStore store = fixture.store;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void fetchesTheNextPageAtOnceWhileTheRegisterHasMoreAndStoresTheCursor() throws Exception {
        fixture.servePage(0, ok("page-1.xml"));
        fixture.servePage(1007, ok("page-2.xml"));
        fixture.servePage(1009, ok("empty.xml"));

        fixture.start(SLOW_POLL);

        fixture.assertEverythingStoredOnce();
        assertThat(store.stored.get(0).mutations()).hasSize(5);
        assertThat(store.quarantined).isEmpty();
        fixture.awaitRequestsThenQuiet(1007, 1);
        fixture.register.verify(1, pageRequest(0));
        fixture.register.verify(0, pageRequest(1009));
    }

    @Test
    void asksForXmlWithAPlainGetAndSendsNoLeftoversFromThePreviousPage() throws Exception {
        fixture.servePage(0, ok("page-1.xml"));
        fixture.servePage(1007, ok("page-2.xml"));

        fixture.start(SLOW_POLL);

        fixture.assertEverythingStoredOnce();
        for (long vanaf : new long[] {0, 1007}) {
            fixture.register.verify(pageRequest(vanaf)
                    .withQueryParam("max", equalTo("500"))
                    .withHeader("Accept", equalTo("application/xml"))
                    .withHeader(TRACE_HEADER, absent())
                    .withHeader("Authorization", absent())
                    .withHeader("Content-Type", absent()));
        }
    }

    @Test
    void keepsPollingAtTheIntervalOnceCaughtUp() throws Exception {
        fixture.servePage(1009, ok("empty.xml"));
        store.store(new RegisterPage(0, List.of(), 1009, false));

        fixture.start(FAST_POLL);

        await().atMost(WAIT).until(() -> fixture.requests(1009) >= 3);
        assertThat(store.cursor()).isEqualTo(1009L);
        assertThat(fixture.lines(Level.WARN)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void nothingNewStoresNothingAndWaitsForTheNextPoll(int status) throws Exception {
        fixture.servePage(0, aResponse().withStatus(status));

        fixture.start(SLOW_POLL);

        fixture.awaitRequestsThenQuiet(0, 1);
        assertThat(store.stored).isEmpty();
        assertThat(store.quarantined).isEmpty();
        assertThat(store.cursor()).isZero();
        assertThat(fixture.lines(Level.WARN)).as("%d is an expected answer, not a failure", status).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void nothingNewAfterAPageWithMoreEndsThePoll(int status) throws Exception {
        fixture.servePage(0, ok("page-1.xml"));
        fixture.servePage(1007, aResponse().withStatus(status));

        fixture.start(SLOW_POLL);

        fixture.awaitRequestsThenQuiet(1007, 1);
        assertThat(store.cursor()).isEqualTo(1007L);
    }

    @Test
    void aQuarantinedPageEndsThePollEvenThoughItSaysMore() throws Exception {
        fixture.servePage(0, aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                .withBody(Samples.edited("page-1.xml", "<Bsn>691682483</Bsn>", "<Bsn>123456789</Bsn>")));

        fixture.start(SLOW_POLL);

        await().atMost(WAIT).until(() -> store.quarantined.size() == 1);
        fixture.awaitRequestsThenQuiet(0, 1);
        assertThat(store.stored).isEmpty();
        assertThat(store.quarantined.get(0).reason()).contains("volgnummer 1004");
        assertThat(fixture.events).containsExactly("quarantined 0");
    }

    @Test
    void anUnreachableRegisterDoesNotStopTheRouteAndTheUrlIsAskedAgainAtEveryRequest() throws Exception {
        fixture.servePage(0, ok("page-1.xml"));
        fixture.servePage(1007, ok("page-2.xml"));
        URI closed = URI.create("http://localhost:" + unusedPort());
        AtomicReference<URI> url = new AtomicReference<>(closed);

        fixture.start(url::get, FAST_POLL, FAST_BACKOFF, RegisterFixture.fastTransport(PageLimits.DEFAULTS),
                Clock.systemUTC());

        await().atMost(WAIT).until(() -> store.cursorReads.size() >= 2);
        assertThat(store.stored).isEmpty();
        assertThat(fixture.events).contains("failed connection RETRY");
        url.set(URI.create(fixture.register.baseUrl()));
        fixture.assertEverythingStoredOnce();
        assertThat(fixture.poller.status().stopped()).isFalse();
    }

    @Test
    void anUnusableBaseUrlIsReportedWithoutStoppingTheRoute() throws Exception {
        fixture.start(() -> URI.create("ftp://register.example"), FAST_POLL, FAST_BACKOFF,
                RegisterFixture.fastTransport(PageLimits.DEFAULTS), Clock.systemUTC());

        await().atMost(WAIT).until(() -> fixture.lines(Level.WARN).size() >= 2);
        assertThat(fixture.lines(Level.WARN)).allSatisfy(line -> assertThat(line).contains("http or https"));
        assertThat(store.stored).isEmpty();
        assertThat(fixture.camel.getRouteController().getRouteStatus(RegisterRoute.POLL_ROUTE_ID))
                .isEqualTo(ServiceStatus.Started);
    }

    @Test
    void aBaseUrlSupplierThatIsNotReadyIsReportedAndAskedAgainLater() throws Exception {
        fixture.servePage(0, ok("page-1.xml"));
        fixture.servePage(1007, ok("page-2.xml"));
        AtomicReference<URI> url = new AtomicReference<>();

        fixture.start(() -> {
            if (url.get() == null) {
                throw new IllegalStateException("the web server has not started yet");
            }
            return url.get();
        }, FAST_POLL, FAST_BACKOFF, RegisterFixture.fastTransport(PageLimits.DEFAULTS), Clock.systemUTC());

        await().atMost(WAIT).until(() -> !fixture.lines(Level.WARN).isEmpty());
        assertThat(fixture.lines(Level.WARN).get(0)).contains("not available yet").contains("the web server has not started yet");
        url.set(URI.create(fixture.register.baseUrl()));
        fixture.assertEverythingStoredOnce();
    }

    static ResponseDefinitionBuilder ok(String sample) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withHeader(TRACE_HEADER, sample)
                .withBody(Samples.bytes(sample));
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
