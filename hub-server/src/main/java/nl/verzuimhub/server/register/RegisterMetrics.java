package nl.verzuimhub.server.register;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import nl.verzuimhub.connectors.register.FailureCause;
import nl.verzuimhub.connectors.register.PollFailure;
import nl.verzuimhub.connectors.register.PollSchedule;
import nl.verzuimhub.connectors.register.RegisterEvents;
import nl.verzuimhub.core.port.QuarantinedPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register connector's counters (Micrometer, exposed at {@code /actuator/prometheus}) and its quarantine alert.
 * Names, with their Prometheus form:
 * <ul>
 *   <li>{@value #PAGES} {outcome=stored|quarantined}: pages processed ({@code verzuimhub_register_pages_total})</li>
 *   <li>{@value #MUTATIONS}: mutations on stored pages ({@code verzuimhub_register_mutations_total})</li>
 *   <li>{@value #FAILURES} {cause}: failed requests by {@link FailureCause#tag()} ({@code verzuimhub_register_failures_total})</li>
 *   <li>{@value #RETRIES} {cause}: retries scheduled within a poll ({@code verzuimhub_register_retries_total})</li>
 *   <li>{@value #QUARANTINED}: quarantines opened: a page refused that was not already open in quarantine (the same
 *       page refused again at the next poll is one more attempt, not a new alert)
 *       ({@code verzuimhub_register_quarantined_pages_total})</li>
 * </ul>
 * The gauges are in {@link RegisterGauges}. Tags carry causes and outcomes only, never data.
 */
class RegisterMetrics implements RegisterEvents {
    static final String PAGES = "verzuimhub.register.pages";
    static final String MUTATIONS = "verzuimhub.register.mutations";
    static final String FAILURES = "verzuimhub.register.failures";
    static final String RETRIES = "verzuimhub.register.retries";
    static final String QUARANTINED = "verzuimhub.register.quarantined.pages";

    private static final Logger log = LoggerFactory.getLogger(RegisterMetrics.class);

    private final MeterRegistry registry;
    private final Counter storedPages;
    private final Counter quarantinedPages;
    private final Counter mutations;
    private final Counter quarantined;

    RegisterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.storedPages = Counter.builder(PAGES).tag("outcome", "stored").description("register pages stored")
                .register(registry);
        this.quarantinedPages = Counter.builder(PAGES).tag("outcome", "quarantined")
                .description("register pages quarantined").register(registry);
        this.mutations = Counter.builder(MUTATIONS).description("mutations on stored register pages").register(registry);
        this.quarantined = Counter.builder(QUARANTINED).description("register pages quarantined (each refusal)")
                .register(registry);
        for (FailureCause cause : FailureCause.values()) {
            failures(cause);
        }
    }

    @Override
    public void pageStored(long requestedFrom, int count, int changed) {
        storedPages.increment();
        mutations.increment(count);
    }

    @Override
    public void pageQuarantined(long requestedFrom, String reason, long sizeBytes) {
        quarantinedPages.increment();
    }

    /**
     * The alert of a quarantine that opened: a structured log event (key-values for JSON log encoders, repeated in the
     * text; no personal data) and the counter.
     */
    void quarantineOpened(long id, QuarantinedPage page) {
        quarantined.increment();
        log.atWarn()
                .addKeyValue("event", "register.page.quarantined")
                .addKeyValue("quarantineId", id)
                .addKeyValue("vanaf", page.requestedFrom())
                .addKeyValue("sizeBytes", page.sizeBytes())
                .addKeyValue("reason", page.reason())
                .log("ALERT register page quarantined: event=register.page.quarantined quarantineId={} vanaf={} sizeBytes={}"
                        + " reason=\"{}\"; cursor stays; see GET /api/v1/quarantine/{}", id, page.requestedFrom(),
                        page.sizeBytes(), page.reason(), id);
    }

    @Override
    public void failed(PollFailure failure, PollSchedule.Decision decision, Duration wait) {
        failures(failure.cause()).increment();
        if (decision == PollSchedule.Decision.RETRY) {
            Counter.builder(RETRIES).tag("cause", failure.cause().tag()).description("register retries within a poll")
                    .register(registry).increment();
        }
    }

    @Override
    public void resumed(Instant at) {
        log.atInfo().addKeyValue("event", "register.polling.resumed").log("register polling resumed by an operator");
    }

    private Counter failures(FailureCause cause) {
        return Counter.builder(FAILURES).tag("cause", cause.tag()).description("failed register requests by cause")
                .register(registry);
    }
}
