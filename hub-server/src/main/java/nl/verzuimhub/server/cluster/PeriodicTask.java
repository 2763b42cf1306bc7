package nl.verzuimhub.server.cluster;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task repeated with a fixed delay on a daemon thread of its own, so that no other scheduled job (Spring's
 * scheduler has one thread) can delay it. The task must not throw; {@link #close} stops it and waits for a run in
 * progress (at most 5 seconds).
 */
public final class PeriodicTask implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private PeriodicTask(String threadName, Duration every, Runnable task) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(task, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} every {@code every}, the first time after one {@code every}. */
    public static PeriodicTask start(String threadName, Duration every, Runnable task) {
        return new PeriodicTask(threadName, every, task);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
