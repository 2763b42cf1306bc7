package nl.verzuimhub.server.outbox;

import org.springframework.stereotype.Component;

/**
 * Tells this instance's {@link Dispatcher} that push tasks were just committed, so it sends them now instead of at its
 * next poll ({@code hub.outbox.poll-interval}). Contract: a hint only. It is raised after the commit, so a woken
 * dispatcher finds the tasks; a lost or early signal costs at most one poll interval, never a delivery. Other
 * instances sharing the database still find the tasks by polling.
 */
@Component
public class OutboxSignal {
    private volatile Runnable listener = () -> {
    };

    /** Called once the transaction that queued push tasks has committed. */
    void tasksCommitted() {
        listener.run();
    }

    /** The dispatcher's wake-up; runs on the committing thread, so it must only hand work off, never block. */
    void listen(Runnable onTasksCommitted) {
        this.listener = onTasksCommitted;
    }
}
