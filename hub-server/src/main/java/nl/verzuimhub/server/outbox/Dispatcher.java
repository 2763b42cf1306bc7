package nl.verzuimhub.server.outbox;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.verzuimhub.connectors.push.DeliveryResult;
import nl.verzuimhub.connectors.push.PushConnector;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.server.recipients.ClientRegistry;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Delivers the outbox: at least once, strictly in order per recipient, one lane per push recipient.
 *
 * <p>Each lane runs on its own worker, so a slow or dead recipient only ever occupies its own lane. A lane turn
 * claims the recipient's lane lease (FOR UPDATE SKIP LOCKED; another dispatcher on the same database skips it),
 * then sends the recipient's oldest open batch, records the outcome and goes on with the next one until there is
 * nothing due. The lease is renewed before every attempt and released at the end of the turn and when the hub stops.
 *
 * <p>A batch that fails waits (exponential back-off with jitter, at least the recipient's Retry-After) and is tried
 * again with the same items and the same Idempotency-Key (an item whose record the source has withdrawn since, and
 * whose data is therefore erased, goes as a retraction at its own sequence). After {@code hub.outbox.max-attempts} attempts it becomes
 * a dead letter, and the recipient's lane stops there: later deliveries stay queued, in order, until an operator
 * replays the dead letter (strict order over progress; the pull feed keeps serving everything meanwhile).
 *
 * <p>A revoked client (revoked through any instance) is sent nothing more: its lane stops and its queued deliveries
 * stay unsent.
 */
@Component
class Dispatcher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_BATCHES_PER_TURN = 50;

    private final OutboxRepository repository;
    private final PushConnectors connectors;
    private final RecipientDirectory directory;
    private final ClientRegistry registry;
    private final AuditLog auditLog;
    private final OutboxProperties properties;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    private final Backoff backoff;
    private final String owner;
    private final OutboxSignal signal;
    private final Map<String, AtomicBoolean> busy = new ConcurrentHashMap<>();
    /** Counts wake-ups; a lane turn that saw it change while it ran takes another turn (see {@link #wake}). */
    private final AtomicLong wakeUps = new AtomicLong();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean running;
    private ScheduledExecutorService ticker;
    private ExecutorService workers;

    Dispatcher(OutboxRepository repository, PushConnectors connectors, RecipientDirectory directory,
               ClientRegistry registry, AuditLog auditLog, OutboxProperties properties,
               PlatformTransactionManager transactions, ObjectMapper json, Clock clock, OutboxSignal signal) {
        this.repository = repository;
        this.connectors = connectors;
        this.directory = directory;
        this.registry = registry;
        this.auditLog = auditLog;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        this.signal = signal;
    }

    /** This dispatcher's name in lane leases ({@code outbox_lane.lease_owner}) and attempts: process and a random id. */
    String owner() {
        return owner;
    }

    @Override
    public void start() {
        if (!properties.enabled() || connectors.recipients().isEmpty()) {
            log.info("Push dispatcher idle: {}", properties.enabled() ? "no recipient has push configured"
                    : "hub.outbox.enabled=false");
            return;
        }
        tx.executeWithoutResult(status -> connectors.recipients().forEach(repository::ensureLane));
        AtomicInteger workerNumber = new AtomicInteger();
        workers = Executors.newFixedThreadPool(connectors.recipients().size(), runnable -> {
            Thread thread = new Thread(runnable, "outbox-lane-" + workerNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-ticker");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        ticker.scheduleWithFixedDelay(this::tick, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        signal.listen(this::wake);
        log.info("Push dispatcher {} started for {} recipient(s)", owner, connectors.recipients().size());
    }

    /**
     * Push tasks were committed on this instance: run a tick now rather than at the next poll. Wake-ups that arrive
     * while one is queued are folded into it; a lane busy with a turn when it arrives takes one more turn after it,
     * so tasks committed just after the turn looked for work are not left for the next poll.
     */
    void wake() {
        wakeUps.incrementAndGet();
        tickSoon();
    }

    /** Queues one tick on the ticker unless one is queued already. Does not count as a wake-up. */
    private void tickSoon() {
        if (running && wakeQueued.compareAndSet(false, true)) {
            try {
                ticker.execute(() -> {
                    wakeQueued.set(false);
                    tick();
                });
            } catch (RuntimeException rejected) {
                wakeQueued.set(false); // stopping
            }
        }
    }

    private void tick() {
        for (String recipientId : connectors.recipients()) {
            AtomicBoolean laneBusy = busy.computeIfAbsent(recipientId, id -> new AtomicBoolean());
            if (running && laneBusy.compareAndSet(false, true)) {
                long wakeUpsBefore = wakeUps.get();
                try {
                    workers.execute(() -> {
                        try {
                            turn(recipientId);
                        } catch (RuntimeException e) {
                            log.warn("Push lane {} failed a turn: {}", recipientId, e.getClass().getSimpleName());
                        } finally {
                            laneBusy.set(false);
                            if (wakeUps.get() != wakeUpsBefore) {
                                tickSoon();
                            }
                        }
                    });
                } catch (RuntimeException rejected) {
                    laneBusy.set(false);
                }
            }
        }
    }

    /** One lane turn: sends the recipient's due batches in order while it holds the lane. */
    void turn(String recipientId) {
        PushConnector connector = connectors.forRecipient(recipientId).orElseThrow();
        Instant start = clock.instant();
        if (!Boolean.TRUE.equals(tx.execute(status -> repository.claimLane(recipientId, owner, start,
                start.plus(properties.lease()))))) {
            return;
        }
        try {
            for (int i = 0; i < MAX_BATCHES_PER_TURN && running; i++) {
                Due due = tx.execute(status -> nextDue(recipientId, connector));
                if (due == null) {
                    return;
                }
                List<OutboxDelivery> sent = due.deliveries().stream().map(OutboxDelivery::asSentNow).toList();
                DeliveryResult result = connector.deliver(BatchBodies.of(due.batch(), sent, json));
                if (!running && result instanceof DeliveryResult.Failed) {
                    return; // the hub is stopping and cut the attempt short: not the recipient's failure
                }
                tx.executeWithoutResult(status -> record(due.batch(), sent, connector, result));
                if (result instanceof DeliveryResult.Failed) {
                    return;
                }
            }
        } finally {
            tx.executeWithoutResult(status -> repository.releaseLane(recipientId, owner));
        }
    }

    private record Due(OutboxBatch batch, List<OutboxDelivery> deliveries) {
    }

    /** The next batch to send, or null: nothing due, the lane lost, or the client revoked (by any instance). */
    private Due nextDue(String recipientId, PushConnector connector) {
        // PostgreSQL keeps microseconds and rounds: a batch formed "now" must not read back as due a moment later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!repository.renewLane(recipientId, owner, now.plus(properties.lease())) || registry.isRevoked(recipientId)) {
            return null;
        }
        OutboxBatch batch = repository.headBatch(recipientId)
                .or(() -> repository.formBatch(recipientId, connector.id(), properties.batchSize(), now))
                .orElse(null);
        if (batch == null || OutboxBatch.DEAD.equals(batch.status()) || batch.nextAttemptAt().isAfter(now)) {
            return null;
        }
        return new Due(batch, repository.deliveries(batch.id()));
    }

    private void record(OutboxBatch batch, List<OutboxDelivery> live, PushConnector connector, DeliveryResult result) {
        Instant now = clock.instant();
        int attempt = batch.attempts() + 1;
        Recipient recipient = directory.find(batch.recipientId()).orElseThrow();
        if (result instanceof DeliveryResult.Delivered delivered) {
            if (repository.markDelivered(batch.id(), now)) {
                repository.recordAttempt(batch.id(), attempt, now, owner, OutboxBatch.DELIVERED, delivered.detail());
                auditLog.append(PushAudit.delivered(recipient, batch, live, connector.id(), delivered.detail(), now));
                log.debug("Push batch {} of {} delivered ({} items)", batch.id(), batch.recipientId(), live.size());
            }
            return;
        }
        DeliveryResult.Failed failed = (DeliveryResult.Failed) result;
        if (attempt >= properties.maxAttempts()) {
            if (repository.markDead(batch.id(), failed.reason(), now)) {
                repository.recordAttempt(batch.id(), attempt, now, owner, OutboxBatch.DEAD, failed.reason());
                auditLog.append(PushAudit.dead(recipient, batch, live, connector.id(), attempt, failed.reason(), now));
                log.error("ALERT push batch {} to {} ({}) is a dead letter after {} attempts (last: {}); later"
                        + " deliveries to this recipient wait until it is replayed", batch.id(), batch.recipientId(),
                        connector.target(), attempt, failed.reason());
            }
            return;
        }
        Instant next = now.plus(backoff.after(attempt, failed.retryAfter()));
        repository.markFailed(batch.id(), failed.reason(), next);
        repository.recordAttempt(batch.id(), attempt, now, owner, "FAILED", failed.reason());
        log.warn("Push batch {} to {} failed attempt {} of {} ({}); next attempt at {}", batch.id(),
                batch.recipientId(), attempt, properties.maxAttempts(), failed.reason(), next);
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        signal.listen(() -> {
        });
        ticker.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tx.executeWithoutResult(status -> connectors.recipients().forEach(id -> repository.releaseLane(id, owner)));
        log.info("Push dispatcher {} stopped", owner);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}
