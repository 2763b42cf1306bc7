package nl.verzuimhub.connectors.register;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static nl.verzuimhub.connectors.register.RegisterFixture.FAST_BACKOFF;
import static nl.verzuimhub.connectors.register.RegisterRouteTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.verzuimhub.core.port.QuarantinedPage;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.core.record.RegisterPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller without Camel: an operator's one-off fetch, and a store that fails. */
class RegisterPollerTest {
    private final RegisterFixture fixture = new RegisterFixture(new WireMockServer(options().dynamicPort()));
    private final List<RegisterPoller> pollers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pollers.forEach(RegisterPoller::close);
        fixture.close();
    }

    @Test
    void aOneOffFetchReportsFailuresWithoutTouchingTheScheduleEvenForARefusal() {
        RegisterPoller poller = poller(fixture.store);
        fixture.servePage(0, aResponse().withStatus(503));
        RegisterPoller.FetchResult unavailable = poller.fetchPage(0);
        assertThat(unavailable.passed()).isFalse();
        assertThat(unavailable.failure().cause()).isEqualTo(FailureCause.SERVER_ERROR);

        fixture.servePage(0, aResponse().withStatus(401));
        assertThat(poller.fetchPage(0).failure().cause()).isEqualTo(FailureCause.UNAUTHORIZED);
        assertThat(poller.status().stopped()).isFalse();
        assertThat(poller.status().consecutiveFailures()).isZero();
        assertThat(poller.isDue()).isTrue();

        fixture.servePage(0, aResponse().withStatus(204));
        assertThat(poller.fetchPage(0).nothingNew()).isTrue();

        fixture.servePage(0, ok("page-1.xml"));
        RegisterPoller.FetchResult stored = poller.fetchPage(0);
        assertThat(stored.passed()).isTrue();
        assertThat(stored.outcome().mutations()).isEqualTo(5);
        assertThat(poller.cursor()).isEqualTo(1007L);
    }

    @Test
    void aStoreThatFailsIsRetriedWithBackOffAndTheCursorMovesOnlyWithTheStoredPage() {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        RegisterPageStore flaky = new RegisterPageStore() {
            @Override
            public long nextSequence() {
                return fixture.store.nextSequence();
            }

            @Override
            public int store(RegisterPage page) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("database unavailable: row 725763863");
                }
                return fixture.store.store(page);
            }

            @Override
            public void quarantine(QuarantinedPage page) {
                fixture.store.quarantine(page);
            }
        };
        RegisterPoller poller = poller(flaky);
        fixture.servePage(0, ok("page-1.xml"));
        fixture.servePage(1007, ok("page-2.xml"));

        assertThat(poller.fetchNextPage()).isFalse();
        assertThat(poller.status().lastFailure().cause()).isEqualTo(FailureCause.PROCESSING);
        assertThat(poller.status().lastFailure().detail()).doesNotContain("725763863");
        assertThat(fixture.store.cursor()).isZero();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(poller::isDue);
        assertThat(poller.fetchNextPage()).isTrue();
        assertThat(poller.fetchNextPage()).isFalse();
        fixture.assertEverythingStoredOnce();
    }

    private RegisterPoller poller(RegisterPageStore store) {
        RegisterPoller poller = new RegisterPoller(fixture::url, 500,
                new RegisterClient(RegisterFixture.fastTransport(PageLimits.DEFAULTS)), store,
                new RegisterPageHandler(store, Clock.systemUTC()),
                new PollSchedule(RegisterFixture.SLOW_POLL, FAST_BACKOFF), RegisterEvents.NONE, Clock.systemUTC());
        pollers.add(poller);
        return poller;
    }
}
