package nl.verzuimhub.connectors.register;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * At most one register page fetched ahead, on one background daemon thread ({@value #THREAD_NAME}), while the poller
 * stores the page before it.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #start} hands the fetch of one {@code vanaf} to the background thread; an answer still outstanding is
 *       discarded first, so only one is ever kept.</li>
 *   <li>{@link #take} returns the answer for exactly that {@code vanaf}, waiting for it if it is still on its way, and
 *       forgets it; an answer for another {@code vanaf} is discarded. Empty when there is none (or it was cancelled by
 *       {@link #close}).</li>
 *   <li>{@link #discard} cancels the fetch (interrupting it) and forgets it. The fetch must be free of side effects, so
 *       a discarded one changes nothing.</li>
 *   <li>When off (see the constructor), or after {@link #close}, {@link #start} does nothing and {@link #take} is
 *       always empty: the poller fetches every page itself.</li>
 * </ul>
 * The thread is made on the first {@link #start} and ends after a minute without work, so an instance that is never
 * closed holds no thread for long. Thread-safe.
 */
final class PagePrefetch implements AutoCloseable {
    static final String THREAD_NAME = "register-prefetch";
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final boolean enabled;
    private ThreadPoolExecutor executor;
    private boolean closed;
    private long pendingFrom;
    private Future<RegisterAnswer> pending;

    /** @param enabled false: never fetches ahead */
    PagePrefetch(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /** Fetches {@code from} in the background with {@code fetch}, which must not throw checked exceptions. */
    synchronized void start(long from, Callable<RegisterAnswer> fetch) {
        discard();
        if (!enabled || closed) {
            return;
        }
        try {
            pending = executor().submit(fetch);
            pendingFrom = from;
        } catch (RejectedExecutionException e) {
            pending = null;
        }
    }

    /**
     * The answer fetched ahead for {@code from}, once it is complete; empty when none was fetched for it. Unchecked
     * exceptions of the fetch are thrown here, as if the fetch had run on the caller's thread.
     *
     * @throws InterruptedException when the caller is interrupted while waiting; the fetch is then discarded
     */
    Optional<RegisterAnswer> take(long from) throws InterruptedException {
        Future<RegisterAnswer> answer;
        synchronized (this) {
            if (pending == null) {
                return Optional.empty();
            }
            if (pendingFrom != from) {
                discard();
                return Optional.empty();
            }
            answer = pending;
            pending = null;
        }
        // Waits outside the monitor, so that close() is never held up by a fetch on its way.
        try {
            return Optional.of(answer.get());
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (CancellationException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("fetching a register page ahead failed: " + cause.getClass().getName());
        }
    }

    /** Cancels and forgets the answer fetched ahead, if any. */
    synchronized void discard() {
        if (pending != null) {
            pending.cancel(true);
            pending = null;
        }
    }

    /**
     * Discards the answer fetched ahead and ends the thread (waiting up to {@value #CLOSE_WAIT_SECONDS} s for it);
     * afterwards nothing is fetched ahead. Idempotent.
     */
    @Override
    public void close() {
        ThreadPoolExecutor stopping;
        synchronized (this) {
            closed = true;
            discard();
            stopping = executor;
        }
        if (stopping != null) {
            // A fetch not yet begun would leave a caller of take() waiting for ever: cancel it.
            for (Runnable neverRun : stopping.shutdownNow()) {
                if (neverRun instanceof Future) {
                    ((Future<?>) neverRun).cancel(false);
                }
            }
            try {
                // The fetch under way was interrupted; it ends at once, or when its parse is done.
                stopping.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ThreadPoolExecutor executor() {
        if (executor == null) {
            executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), work -> {
                Thread thread = new Thread(work, THREAD_NAME);
                thread.setDaemon(true);
                return thread;
            });
            executor.allowCoreThreadTimeOut(true);
        }
        return executor;
    }
}
