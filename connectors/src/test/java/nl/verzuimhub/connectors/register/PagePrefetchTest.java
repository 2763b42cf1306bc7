package nl.verzuimhub.connectors.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one page fetched ahead, without a register: what {@link PagePrefetch#take} gives, and that nothing hangs. */
class PagePrefetchTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final PagePrefetch prefetch = new PagePrefetch(true);

    @AfterEach
    void close() {
        prefetch.close();
    }

    @Test
    void givesTheAnswerForItsVanafOnce() throws Exception {
        RegisterAnswer answer = RegisterAnswer.nothingNew(7, 204);
        prefetch.start(7, () -> answer);

        assertThat(prefetch.take(7)).containsSame(answer);
        assertThat(prefetch.take(7)).isEmpty();
    }

    @Test
    void dropsAnAnswerForAnotherVanaf() throws Exception {
        prefetch.start(7, () -> RegisterAnswer.nothingNew(7, 204));

        assertThat(prefetch.take(8)).isEmpty();
        assertThat(prefetch.take(7)).as("discarded").isEmpty();
    }

    @Test
    void throwsAnUncheckedExceptionOfTheFetchWhereItIsTaken() {
        prefetch.start(7, () -> {
            throw new IllegalArgumentException("boom");
        });

        assertThatThrownBy(() -> prefetch.take(7)).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
    }

    @Test
    void fetchesNothingWhenOff() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        try (PagePrefetch off = new PagePrefetch(false)) {
            off.start(7, () -> {
                ran.set(true);
                return RegisterAnswer.nothingNew(7, 204);
            });
            assertThat(off.take(7)).isEmpty();
        }
        assertThat(ran).isFalse();
    }

    @Test
    void closeReleasesACallerWaitingForAFetchThatNeverBegan() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A fetch that ignores interrupts keeps the thread busy after it is discarded ...
        prefetch.start(6, () -> {
            busy.countDown();
            while (true) {
                try {
                    release.await();
                    return RegisterAnswer.nothingNew(6, 204);
                } catch (InterruptedException ignored) {
                    // keep the thread
                }
            }
        });
        assertThat(busy.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        // ... so this one waits in the queue.
        prefetch.start(7, () -> RegisterAnswer.nothingNew(7, 204));
        CompletableFuture<Optional<RegisterAnswer>> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return prefetch.take(7);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(taken).isNotDone();

        CompletableFuture.runAsync(prefetch::close);

        assertThat(taken.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEmpty();
        release.countDown();
    }
}
