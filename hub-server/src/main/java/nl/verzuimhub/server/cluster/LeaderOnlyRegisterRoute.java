package nl.verzuimhub.server.cluster;

import java.time.Duration;
import nl.verzuimhub.connectors.register.RegisterPoller;
import nl.verzuimhub.connectors.register.RegisterRoute;

/**
 * The register route of an instance that shares the database with others: the same route, but a timer tick on an
 * instance that does not hold the register lease ({@link RegisterLeadership}) stops before it asks anything, so only
 * one instance polls the register. The one that takes the lease over polls from the stored cursor at its next tick.
 */
public final class LeaderOnlyRegisterRoute extends RegisterRoute {
    private final RegisterLeadership leadership;

    public LeaderOnlyRegisterRoute(RegisterPoller poller, Duration tick, RegisterLeadership leadership) {
        super(poller, tick);
        this.leadership = leadership;
    }

    @Override
    public void configure() {
        interceptFrom().onWhen(method(leadership, "isFollower")).stop();
        super.configure();
    }
}
