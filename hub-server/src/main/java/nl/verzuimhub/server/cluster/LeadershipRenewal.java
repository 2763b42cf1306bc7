package nl.verzuimhub.server.cluster;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Claims the register lease when the hub starts and then every third of the lease, on a thread of its own (so a long
 * scheduled job elsewhere never delays a renewal); gives it up when the hub stops, so another instance takes over at
 * once instead of after the lease.
 */
public final class LeadershipRenewal implements SmartLifecycle {
    private final RegisterLeadership leadership;
    private volatile PeriodicTask renewal;

    public LeadershipRenewal(RegisterLeadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public void start() {
        leadership.claim();
        renewal = PeriodicTask.start("register-leadership",
                Duration.ofMillis(Math.max(leadership.lease().toMillis() / 3, 50)), leadership::claim);
    }

    @Override
    public void stop() {
        PeriodicTask running = renewal;
        renewal = null;
        if (running != null) {
            running.close();
            leadership.release();
        }
    }

    @Override
    public boolean isRunning() {
        return renewal != null;
    }

    /** Claims before the register route starts polling; releases after it stopped. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
