package nl.verzuimhub.connectors.register;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.verzuimhub.core.port.QuarantinedPage;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.RegisterPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RegisterPageHandlerTest {
    private static final Instant NOW = Instant.parse("2024-10-07T06:00:00Z");

    private final FakeRegisterPageStore store = new FakeRegisterPageStore();
    private final RegisterPageHandler handler = new RegisterPageHandler(store, Clock.fixed(NOW, ZoneOffset.UTC));

    private final Logger handlerLog = (Logger) LoggerFactory.getLogger(RegisterPageHandler.class);
    private final ListAppender<ILoggingEvent> logLines = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void captureLog() {
        previousLevel = handlerLog.getLevel();
        handlerLog.setLevel(Level.DEBUG);
        logLines.start();
        handlerLog.addAppender(logLines);
    }

    @AfterEach
    void releaseLog() {
        handlerLog.detachAppender(logLines);
        handlerLog.setLevel(previousLevel);
    }

    @Test
    void storesAValidPageOnceWithAllMutationsInOrderAndItsCursor() {
        PageOutcome outcome = handler.handle(0, Samples.bytes("page-1.xml"));

        assertThat(store.stored).hasSize(1);
        RegisterPage page = store.stored.get(0);
        assertThat(page.requestedFrom()).isZero();
        assertThat(page.mutations()).extracting(Mutation::sequence).containsExactly(1001L, 1002L, 1003L, 1004L, 1006L);
        assertThat(page.mutations()).extracting(m -> m.record().id()).containsExactly(
                "VM-2024-000101", "VM-2024-000102", "VR-2024-000201", "ZM-2024-000301", "AV-2024-000401");
        assertThat(page.nextSequence()).isEqualTo(1007L);
        assertThat(page.more()).isTrue();
        assertThat(store.quarantined).isEmpty();
        assertThat(outcome).isEqualTo(PageOutcome.stored(0, 5, 5, 1007, true));
    }

    @Test
    void storesAnEmptyPageSoThatTheCursorCanSkipAhead() {
        PageOutcome outcome = handler.handle(1000, Samples.bytes("empty.xml"));

        assertThat(store.stored).singleElement().satisfies(page -> {
            assertThat(page.mutations()).isEmpty();
            assertThat(page.nextSequence()).isEqualTo(1009L);
        });
        assertThat(outcome).isEqualTo(PageOutcome.stored(1000, 0, 0, 1009, false));
    }

    @Test
    void quarantinesAPageWithOneBadMutationAndStoresNothingOfIt() {
        byte[] body = Samples.edited("page-1.xml", "<Bsn>691682483</Bsn>", "<Bsn>123456789</Bsn>");

        PageOutcome outcome = handler.handle(0, body);

        assertThat(store.stored).isEmpty();
        assertThat(store.quarantined).hasSize(1);
        QuarantinedPage quarantined = store.quarantined.get(0);
        assertThat(quarantined.requestedFrom()).isZero();
        assertThat(quarantined.receivedAt()).isEqualTo(NOW);
        assertThat(quarantined.body()).isEqualTo(body);
        assertThat(quarantined.reason()).contains("volgnummer 1004").contains("eleven-test").doesNotContain("123456789");
        assertThat(outcome.quarantined()).isTrue();
        assertThat(outcome.more()).isFalse();
        assertThat(outcome.nextSequence()).isZero();
        assertThat(outcome.reason()).isEqualTo(quarantined.reason());
    }

    @Test
    void quarantinesAPageThatIsNotWellFormed() {
        byte[] body = "<MutatieBatch".getBytes(StandardCharsets.UTF_8);

        PageOutcome outcome = handler.handle(7, body);

        assertThat(store.stored).isEmpty();
        assertThat(store.quarantined).singleElement().satisfies(q -> {
            assertThat(q.requestedFrom()).isEqualTo(7L);
            assertThat(q.body()).isEqualTo(body);
        });
        assertThat(outcome).isEqualTo(PageOutcome.quarantined(7, outcome.reason()));
    }

    @Test
    void storesAPageServedAgainAtALaterVanafButDoesNotAskAgainAtOnce() {
        PageOutcome outcome = handler.handle(1007, Samples.bytes("page-1.xml"));

        assertThat(store.quarantined).isEmpty();
        assertThat(store.stored).singleElement().satisfies(page -> assertThat(page.mutations()).hasSize(5));
        assertThat(outcome.quarantined()).isFalse();
        assertThat(outcome.more()).as("Meer without progress of the cursor").isFalse();
    }

    @Test
    void doesNotAskAgainAtOnceWhenMoreComesWithoutProgress() {
        byte[] body = Samples.edited("empty.xml", "<Meer>false</Meer>", "<Meer>true</Meer>");

        PageOutcome outcome = handler.handle(1009, body);

        assertThat(store.stored).hasSize(1);
        assertThat(outcome.more()).isFalse();
        assertThat(outcome.nextSequence()).isEqualTo(1009L);
    }

    @Test
    void readingStoresQuarantinesAndLogsNothingApplyingDoesWhatHandleDoes() {
        byte[] bad = Samples.edited("page-1.xml", "<Bsn>691682483</Bsn>", "<Bsn>123456789</Bsn>");

        ReadPage good = handler.read(0, Samples.bytes("page-1.xml"));
        ReadPage refused = handler.read(1007, bad);
        ReadPage oversized = handler.readOversized(1009, 9_999_999);

        assertThat(store.stored).isEmpty();
        assertThat(store.quarantined).isEmpty();
        assertThat(logLines.list).isEmpty();
        assertThat(good.refused()).isFalse();
        assertThat(good.followingPage()).hasValue(1007L);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.followingPage()).isEmpty();
        assertThat(refused.refusal().body()).isEqualTo(bad);
        assertThat(refused.toString()).doesNotContain("123456789");
        assertThat(oversized.refusal().sizeBytes()).isEqualTo(9_999_999L);

        assertThat(handler.apply(good)).isEqualTo(PageOutcome.stored(0, 5, 5, 1007, true));
        assertThat(handler.apply(refused)).isEqualTo(PageOutcome.quarantined(1007, refused.refusal().reason()));
        assertThat(handler.apply(oversized).quarantined()).isTrue();
        assertThat(store.stored).extracting(RegisterPage::requestedFrom).containsExactly(0L);
        assertThat(store.quarantined).extracting(QuarantinedPage::requestedFrom).containsExactly(1007L, 1009L);
        assertThat(store.quarantined.get(0).receivedAt()).isEqualTo(NOW);
    }

    @Test
    void logsIdsCountsAndVolgnummersButNoPersonalData() {
        handler.handle(0, Samples.bytes("page-1.xml"));
        handler.handle(0, Samples.edited("page-1.xml", "<Bsn>691682483</Bsn>", "<Bsn>123456789</Bsn>"));

        List<String> lines = logLines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("VM-2024-000101"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("5 mutations").contains("1001..1006")
                .containsPattern("read in \\d+ ms, stored in \\d+ ms"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("quarantined").contains("volgnummer 1004"));
        for (String line : lines) {
            for (String value : Samples.PERSONAL_VALUES) {
                assertThat(line).doesNotContain(value);
            }
            assertThat(line).doesNotContain("123456789");
        }
    }
}
