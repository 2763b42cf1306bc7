package nl.verzuimhub.connectors.register;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static nl.verzuimhub.connectors.register.RegisterFixture.FAST_BACKOFF;
import static nl.verzuimhub.connectors.register.RegisterFixture.SLOW_POLL;
import static nl.verzuimhub.connectors.register.RegisterFixture.WAIT;
import static nl.verzuimhub.connectors.register.RegisterRouteTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The register interface's table of answers, against a WireMock register: every failure is followed by the register
 * recovering, and each test ends with every mutation stored exactly once and the cursor where it belongs. The poll
 * interval is a minute, so every second request within a test is a retry, never the next poll.
 */
class RegisterRouteFailureTest {
    private final RegisterFixture fixture = new RegisterFixture(new WireMockServer(options().dynamicPort()));

    @AfterEach
    void stop() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void aServerErrorIsRetriedWithinThePollAfterABackOffAndTheCursorMovesOnlyOnSuccess(int status) throws Exception {
        failOnceThen(0, aResponse().withStatus(status).withBody("internal error"), ok("page-1.xml"));
        fixture.servePage(1007, ok("page-2.xml"));

        fixture.start(SLOW_POLL);

        fixture.assertEverythingStoredOnce();
        assertThat(fixture.requests(0)).isEqualTo(2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.events)
                .containsExactly("failed server-error RETRY", "stored 0 5", "stored 1007 2"));
        assertThat(fixture.lines(Level.WARN)).singleElement().satisfies(line -> assertThat(line)
                .contains("HTTP " + status).contains("vanaf=0").contains("retrying in").doesNotContain("internal error"));
    }

    @Test
    void aServerErrorThatPersistsUsesUpTheAttemptsOfThePollThenWaitsForTheNextPoll() throws Exception {
        fixture.servePage(0, aResponse().withStatus(500));

        fixture.start(SLOW_POLL);

        fixture.awaitRequestsThenQuiet(0, FAST_BACKOFF.maxAttemptsPerPoll());
        assertThat(fixture.store.stored).isEmpty();
        assertThat(fixture.store.cursor()).isZero();
        assertThat(fixture.events).containsExactly("failed server-error RETRY", "failed server-error RETRY",
                "failed server-error NEXT_POLL");
        assertThat(fixture.poller.status().stopped()).isFalse();
        assertThat(fixture.poller.status().nextDue()).isAfter(Instant.now().plus(Duration.ofSeconds(50)));
    }

    @Test
    void a503WithRetryAfterInSecondsIsNotAskedAgainBeforeThatTime() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        failOnceThen(0, aResponse().withStatus(503).withHeader("Retry-After", "120"), ok("page-1.xml"));
        fixture.servePage(1007, ok("page-2.xml"));

        startWith(clock);

        fixture.awaitRequestsThenQuiet(0, 1);
        clock.advance(Duration.ofSeconds(119));
        fixture.awaitRequestsThenQuiet(0, 1);
        clock.advance(Duration.ofSeconds(1));
        fixture.assertEverythingStoredOnce();
        assertThat(fixture.requests(0)).isEqualTo(2);
    }

    @Test
    void a429WithRetryAfterAsAnHttpDateIsNotAskedAgainBeforeThatDate() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        String inTenMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC));
        fixture.servePage(0, ok("page-1.xml"));
        failOnceThen(1007, aResponse().withStatus(429).withHeader("Retry-After", inTenMinutes), ok("page-2.xml"));

        startWith(clock);

        fixture.awaitRequestsThenQuiet(1007, 1);
        assertThat(fixture.store.cursor()).isEqualTo(1007L);
        clock.advance(Duration.ofMinutes(9));
        fixture.awaitRequestsThenQuiet(1007, 1);
        clock.advance(Duration.ofMinutes(1));
        fixture.assertEverythingStoredOnce();
        assertThat(fixture.events).contains("failed rate-limited RETRY");
    }

    @Test
    void a429WithoutRetryAfterFallsBackToTheBackOff() throws Exception {
        failOnceThen(0, aResponse().withStatus(429), ok("page-1.xml"));
        fixture.servePage(1007, ok("page-2.xml"));

        fixture.start(SLOW_POLL);

        fixture.assertEverythingStoredOnce();
        assertThat(fixture.requests(0)).isEqualTo(2);
    }

    @Test
    void aConnectionResetIsRetriedAndNothingIsStoredTwice() throws Exception {
        // Twice: the JDK client itself resends a GET once when the connection closes before any byte of an answer.
        fixture.servePage(0, ok("page-1.xml"));
        failTwiceThen(1007, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ok("page-2.xml"));

        fixture.start(SLOW_POLL);

        fixture.assertEverythingStoredOnce();
        assertThat(fixture.requests(0)).isEqualTo(1);
        assertThat(fixture.requests(1007)).isEqualTo(3);
        assertThat(fixture.events).contains("failed connection RETRY");
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsGivenUpOnAndRetried() throws Exception {
        // The read timeout is 1 s; the first answer would take 6 s.
        failOnceThen(0, ok("page-1.xml").withFixedDelay(6_000), ok("page-1.xml"));
        fixture.servePage(1007, ok("page-2.xml"));
        long started = System.nanoTime();

        fixture.start(fixture::url, SLOW_POLL, FAST_BACKOFF, new RegisterTransport(Duration.ofSeconds(1),
                Duration.ofSeconds(1), null, null, PageLimits.DEFAULTS), Clock.systemUTC());

        fixture.assertEverythingStoredOnce();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(fixture.events).first().isEqualTo("failed timeout RETRY");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403})
    void aRefusalStopsPollingWithAnAlertUntilAnOperatorResumes(int status) throws Exception {
        fixture.servePage(0, aResponse().withStatus(status).withBody("no"));

        fixture.start(RegisterFixture.FAST_POLL);

        fixture.awaitRequestsThenQuiet(0, 1);
        PollSchedule.Status stopped = fixture.poller.status();
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.stopReason().httpStatus()).isEqualTo(status);
        assertThat(fixture.lines(Level.ERROR)).singleElement().satisfies(line -> assertThat(line)
                .startsWith("ALERT register polling stopped").contains("HTTP " + status).contains("resume"));
        assertThat(fixture.store.stored).isEmpty();
        assertThat(fixture.store.cursor()).isZero();

        fixture.servePage(0, ok("page-1.xml"));
        fixture.servePage(1007, ok("page-2.xml"));
        assertThat(fixture.poller.resume()).isTrue();

        fixture.assertEverythingStoredOnce();
        assertThat(fixture.poller.status().stopped()).isFalse();
        assertThat(fixture.poller.resume()).as("not stopped any more").isFalse();
    }

    @Test
    void aPageOverTheByteLimitIsQuarantinedUnreadAndTheSamePositionPassesOnceTheRegisterServesItSmaller()
            throws Exception {
        PageLimits limits = new PageLimits(4_800, 1000);
        assertThat(Samples.bytes("page-1.xml").length).isGreaterThan(4_800);
        byte[] page1WithoutOneMutation = withoutMutation("page-1.xml", "1006");
        assertThat(page1WithoutOneMutation.length).isLessThan(4_800);
        failOnceThen(0, ok("page-1.xml"), aResponse().withStatus(200).withBody(page1WithoutOneMutation));
        fixture.servePage(1007, ok("page-2.xml"));

        fixture.start(fixture::url, RegisterFixture.FAST_POLL, FAST_BACKOFF, RegisterFixture.fastTransport(limits),
                Clock.systemUTC());

        await().atMost(WAIT).until(() -> fixture.store.cursor() == 1009L);
        assertThat(fixture.store.quarantined).singleElement().satisfies(page -> {
            assertThat(page.requestedFrom()).isZero();
            assertThat(page.reason()).contains("larger than the limit of 4800 bytes");
            assertThat(page.body()).isEmpty();
            assertThat(page.sizeBytes()).isGreaterThan(4_800);
        });
        assertThat(fixture.store.stored.stream().flatMap(p -> p.mutations().stream())
                .map(nl.verzuimhub.core.record.Mutation::sequence).toList())
                .containsExactly(1001L, 1002L, 1003L, 1004L, 1007L, 1008L);
        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.events)
                .startsWith("quarantined 0", "stored 0 4", "stored 1007 2"));
    }

    @Test
    void aPageWithMoreMutationsThanTheLimitIsQuarantinedAndNothingOfItIsStored() throws Exception {
        PageLimits limits = new PageLimits(PageLimits.DEFAULT_MAX_BYTES, 2);
        fixture.servePage(0, ok("page-1.xml"));

        fixture.start(fixture::url, SLOW_POLL, FAST_BACKOFF, RegisterFixture.fastTransport(limits), Clock.systemUTC());

        await().atMost(WAIT).until(() -> fixture.store.quarantined.size() == 1);
        fixture.awaitRequestsThenQuiet(0, 1);
        assertThat(fixture.store.quarantined.get(0).reason())
                .isEqualTo("the page carries 5 mutations, more than the limit of 2 per page");
        assertThat(fixture.store.stored).isEmpty();
        assertThat(fixture.store.cursor()).isZero();
    }

    private void startWith(Clock clock) throws Exception {
        fixture.start(fixture::url, SLOW_POLL, FAST_BACKOFF, RegisterFixture.fastTransport(PageLimits.DEFAULTS), clock);
    }

    /** The register answers {@code first} for {@code vanaf} once, then {@code then} for ever. */
    private void failOnceThen(long vanaf, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        String scenario = "vanaf-" + vanaf;
        fixture.register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        fixture.register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(then));
    }

    /** The register answers {@code first} for {@code vanaf} twice, then {@code then} for ever. */
    private void failTwiceThen(long vanaf, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        String scenario = "twice-" + vanaf;
        String[] states = {Scenario.STARTED, "failed once", "recovered"};
        for (int i = 0; i < 2; i++) {
            fixture.register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)))
                    .inScenario(scenario).whenScenarioStateIs(states[i])
                    .willReturn(first).willSetStateTo(states[i + 1]));
        }
        fixture.register.stubFor(get(urlPathEqualTo("/v1/mutaties")).withQueryParam("vanaf", equalTo(Long.toString(vanaf)))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(then));
    }

    /** The sample without the Mutatie of {@code volgnummer}. */
    private static byte[] withoutMutation(String sample, String volgnummer) {
        String text = Samples.text(sample);
        int start = text.indexOf("<Mutatie volgnummer=\"" + volgnummer + "\"");
        int end = text.indexOf("</Mutatie>", start) + "</Mutatie>".length();
        return (text.substring(0, start) + text.substring(end)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
