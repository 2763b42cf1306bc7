package nl.verzuimhub.server.recipients;

import java.time.Duration;
import nl.verzuimhub.server.cluster.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Re-reads the client registrations every {@code hub.cluster.directory-refresh} on a thread of its own
 * ({@link ClientRegistry#refresh}), so a client registered or revoked through another instance on the same database
 * reaches this instance's decisions (the Distributor asks the directory once per mutation) within that time.
 * Tokens and pushes do not wait for it: the resource server and the dispatcher ask the table on every use.
 */
public final class DirectoryRefresh implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DirectoryRefresh.class);

    private final ClientRegistry registry;
    private final Duration interval;
    private volatile PeriodicTask refresh;

    public DirectoryRefresh(ClientRegistry registry, Duration interval) {
        this.registry = registry;
        this.interval = interval;
    }

    @Override
    public void start() {
        refresh = PeriodicTask.start("directory-refresh", interval, () -> {
            try {
                registry.refresh();
            } catch (RuntimeException e) {
                log.warn("Client registrations could not be re-read: {}", e.getClass().getSimpleName());
            }
        });
    }

    @Override
    public void stop() {
        PeriodicTask running = refresh;
        refresh = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return refresh != null;
    }
}
