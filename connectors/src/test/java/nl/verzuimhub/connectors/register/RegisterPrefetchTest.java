package nl.verzuimhub.connectors.register;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static nl.verzuimhub.connectors.register.RegisterFixture.FAST_BACKOFF;
import static nl.verzuimhub.connectors.register.RegisterFixture.SLOW_POLL;
import static nl.verzuimhub.connectors.register.RegisterFixture.WAIT;
import static nl.verzuimhub.connectors.register.RegisterRouteTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.verzuimhub.core.port.QuarantinedPage;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.RegisterPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fetching ahead, without Camel: the poller asks for page N+1 while it stores page N, and what it fetched ahead is
 * judged only after page N is stored. The store below holds every page with {@code Meer} until the register has been
 * asked for the page after it (or a deadline passed), and records which it was.
 *
 * <p>Pages: 0 (page-1, Meer, next 1007), 1007 (page-2 edited to say Meer, next 1009), 1009 (empty, no Meer).
 */
class RegisterPrefetchTest {
    /** How long a store waits for the request of the next page; the test fails on it, it never hangs. */
    private static final Duration NEXT_REQUEST_WAIT = Duration.ofSeconds(3);
    /** How long a store waits when the next request must not come. */
    private static final Duration NO_REQUEST_WAIT = Duration.ofMillis(700);

    private final RegisterFixture fixture = new RegisterFixture(new WireMockServer(options().dynamicPort()));
    private final WaitingStore store = new WaitingStore(fixture.store, fixture);
    private final List<RegisterPoller> pollers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pollers.forEach(RegisterPoller::close);
        fixture.close();
    }

    @Test
    void asksForTheNextPageWhileStoringThisOneAndStoresEveryPageInOrder() {
        serveThreePages();
        RegisterPoller poller = poller(true);

        assertThat(poller.fetchNextPage()).isTrue();
        assertThat(poller.fetchNextPage()).isTrue();
        assertThat(poller.fetchNextPage()).isFalse();

        assertThat(store.nextAskedBeforeStoreReturned).containsExactlyInAnyOrderEntriesOf(Map.of(0L, true, 1007L, true));
        assertThat(fixture.store.stored).extracting(RegisterPage::requestedFrom).containsExactly(0L, 1007L, 1009L);
        assertThat(fixture.store.stored.stream().flatMap(p -> p.mutations().stream()).map(Mutation::sequence).toList())
                .containsExactlyElementsOf(RegisterFixture.ALL_VOLGNUMMERS);
        assertThat(fixture.store.cursor()).isEqualTo(1009L);
        assertThat(fixture.events).containsExactly("stored 0 5", "stored 1007 2", "stored 1009 0");
        for (long vanaf : new long[] {0, 1007, 1009}) {
            assertThat(fixture.requests(vanaf)).as("requests for vanaf=%d", vanaf).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "closed"})
    void withoutFetchingAheadTheNextPageIsAskedOnlyAfterThisOneIsStored(String how) {
        serveThreePages();
        store.waitFor = NO_REQUEST_WAIT;
        RegisterPoller poller = poller(how.equals("closed"));
        if (how.equals("closed")) {
            poller.close();
        }

        assertThat(poller.fetchNextPage()).isTrue();
        assertThat(fixture.requests(1007)).isZero();
        assertThat(poller.fetchNextPage()).isTrue();
        assertThat(poller.fetchNextPage()).isFalse();

        assertThat(store.nextAskedBeforeStoreReturned).containsExactlyInAnyOrderEntriesOf(Map.of(0L, false, 1007L, false));
        assertThat(fixture.store.stored).extracting(RegisterPage::requestedFrom).containsExactly(0L, 1007L, 1009L);
        assertThat(fixture.store.cursor()).isEqualTo(1009L);
    }

    @Test
    void aPageFetchedAheadIsDroppedWhenThePageBeforeItCannotBeStoredAndThatPageIsAskedAgain() {
        serveThreePages();
        store.failuresLeft.set(1);
        RegisterPoller poller = poller(true);

        assertThat(poller.fetchNextPage()).isFalse();

        assertThat(store.nextAskedBeforeStoreReturned).containsEntry(0L, true);
        assertThat(poller.status().lastFailure().cause()).isEqualTo(FailureCause.PROCESSING);
        assertThat(fixture.store.stored).isEmpty();
        assertThat(fixture.store.quarantined).isEmpty();
        assertThat(fixture.store.cursor()).isZero();
        assertThat(fixture.events).containsExactly("failed processing RETRY");

        await().atMost(WAIT).until(poller::isDue);
        assertThat(poller.fetchNextPage()).isTrue();
        assertThat(fixture.requests(0)).as("page 0 asked again").isEqualTo(2);
        assertThat(poller.fetchNextPage()).isTrue();
        assertThat(fixture.requests(1007)).as("the page fetched ahead of the failed store is not used").isEqualTo(2);
        assertThat(poller.fetchNextPage()).isFalse();
        assertThat(fixture.store.stored).extracting(RegisterPage::requestedFrom).containsExactly(0L, 1007L, 1009L);
        assertThat(fixture.store.cursor()).isEqualTo(1009L);
        assertThat(fixture.events).containsExactly("failed processing RETRY", "stored 0 5", "stored 1007 2",
                "stored 1009 0");
    }

    @Test
    void aMalformedPageFetchedAheadIsQuarantinedOnlyAfterThePageBeforeItIsStored() {
        byte[] malformed = "<MutatieBatch".getBytes(StandardCharsets.UTF_8);
        fixture.servePage(0, ok("page-1.xml"));
        fixture.servePage(1007, aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody(malformed));
        RegisterPoller poller = poller(true);

        assertThat(poller.fetchNextPage()).isTrue();

        assertThat(store.nextAskedBeforeStoreReturned).containsEntry(0L, true);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> fixture.store.quarantined.isEmpty());
        assertThat(fixture.events).containsExactly("stored 0 5");

        assertThat(poller.fetchNextPage()).as("a quarantined page ends the poll").isFalse();

        assertThat(store.calls).containsExactly("store 0", "quarantine 1007 at cursor 1007");
        assertThat(fixture.store.quarantined).singleElement().satisfies(page -> {
            assertThat(page.requestedFrom()).isEqualTo(1007L);
            assertThat(page.body()).isEqualTo(malformed);
        });
        assertThat(fixture.store.cursor()).isEqualTo(1007L);
        assertThat(fixture.events).containsExactly("stored 0 5", "quarantined 1007");
        assertThat(fixture.requests(1007)).isEqualTo(1);
    }

    @Test
    void anOperatorsFetchDropsThePageFetchedAhead() {
        serveThreePages();
        RegisterPoller poller = poller(true);
        assertThat(poller.fetchNextPage()).isTrue();
        assertThat(fixture.requests(1007)).isEqualTo(1);

        assertThat(poller.fetchPage(0).passed()).isTrue();
        assertThat(poller.cursor()).isEqualTo(1007L);

        assertThat(poller.fetchNextPage()).isTrue();
        assertThat(fixture.requests(1007)).as("asked again after the operator's fetch").isEqualTo(2);
        assertThat(poller.fetchNextPage()).isFalse();
        assertThat(fixture.store.cursor()).isEqualTo(1009L);
    }

    private void serveThreePages() {
        fixture.servePage(0, ok("page-1.xml"));
        fixture.servePage(1007, aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml")
                .withBody(Samples.edited("page-2.xml", "<Meer>false</Meer>", "<Meer>true</Meer>")));
        fixture.servePage(1009, ok("empty.xml"));
    }

    private RegisterPoller poller(boolean prefetch) {
        RegisterPoller poller = new RegisterPoller(fixture::url, 500,
                new RegisterClient(RegisterFixture.fastTransport(PageLimits.DEFAULTS)), store,
                new RegisterPageHandler(store, Clock.systemUTC()), new PollSchedule(SLOW_POLL, FAST_BACKOFF),
                fixture.recordingEvents(), Clock.systemUTC(), prefetch);
        pollers.add(poller);
        return poller;
    }

    /**
     * Stores in the fixture's store. Before storing a page with {@code Meer}, waits until the register has been asked
     * for the page after it, at most {@link #waitFor}, and records whether it was; then stores, or throws while
     * {@link #failuresLeft}.
     */
    private static final class WaitingStore implements RegisterPageStore {
        final Map<Long, Boolean> nextAskedBeforeStoreReturned = new ConcurrentHashMap<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();
        volatile Duration waitFor = NEXT_REQUEST_WAIT;
        private final FakeRegisterPageStore store;
        private final RegisterFixture fixture;

        WaitingStore(FakeRegisterPageStore store, RegisterFixture fixture) {
            this.store = store;
            this.fixture = fixture;
        }

        @Override
        public long nextSequence() {
            return store.nextSequence();
        }

        @Override
        public int store(RegisterPage page) {
            if (page.more()) {
                nextAskedBeforeStoreReturned.put(page.requestedFrom(), asked(page.nextSequence()));
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database unavailable");
            }
            calls.add("store " + page.requestedFrom());
            return store.store(page);
        }

        @Override
        public void quarantine(QuarantinedPage page) {
            calls.add("quarantine " + page.requestedFrom() + " at cursor " + store.cursor());
            store.quarantine(page);
        }

        private boolean asked(long vanaf) {
            long deadline = System.nanoTime() + waitFor.toNanos();
            while (System.nanoTime() < deadline) {
                if (fixture.requests(vanaf) > 0) {
                    return true;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return fixture.requests(vanaf) > 0;
        }
    }
}
