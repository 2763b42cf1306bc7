package nl.verzuimhub.bench.load;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Fixed thread pools of daemon threads, so that the harness's servers never keep its JVM (and a measurement) alive. */
final class DaemonPool {
    private DaemonPool() {
    }

    static ExecutorService of(int threads, String name) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
