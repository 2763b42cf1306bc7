package nl.verzuimhub.server.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Claims the register lease when the hub starts and then every third of the lease, on a thread of its own (so a long
 * scheduled job elsewhere never delays a renewal); gives it up when the hub stops, so another instance takes over at
 * once instead of after the lease.
 */
public final class LeadershipRenewal implements SmartLifecycle {
    private final RegisterLeadership leadership;
    private volatile ScheduledExecutorService timer;

    public LeadershipRenewal(RegisterLeadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public void start() {
        leadership.claim();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "register-leadership");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(leadership.lease().toMillis() / 3, 50);
        timer.scheduleWithFixedDelay(leadership::claim, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = timer;
        timer = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            leadership.release();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Claims before the register route starts polling; releases after it stopped. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
