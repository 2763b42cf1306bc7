package nl.verzuimhub.server.register;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.verzuimhub.connectors.register.RegisterPoller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register connector's gauges:
 * <ul>
 *   <li>{@value #SINCE_SUCCESS} (seconds): time since the register last answered usefully (a page or nothing new);
 *       since start-up while it never has ({@code verzuimhub_register_last_success_age_seconds})</li>
 *   <li>{@value #OPEN_QUARANTINE}: quarantined pages not yet resolved ({@code verzuimhub_register_quarantined_open})</li>
 *   <li>{@value #STOPPED}: 1 while polling is stopped after a refusal (400/401/403/TLS), else 0
 *       ({@code verzuimhub_register_stopped})</li>
 * </ul>
 */
final class RegisterGauges {
    static final String SINCE_SUCCESS = "verzuimhub.register.last.success.age";
    static final String OPEN_QUARANTINE = "verzuimhub.register.quarantined.open";
    static final String STOPPED = "verzuimhub.register.stopped";

    private static final Logger log = LoggerFactory.getLogger(RegisterGauges.class);

    private RegisterGauges() {
    }

    static void register(MeterRegistry registry, RegisterPoller poller, QuarantineRepository quarantine, Clock clock) {
        Instant started = clock.instant();
        Gauge.builder(SINCE_SUCCESS, () -> {
                    Instant last = poller.status().lastSuccessAt();
                    return Duration.between(last == null ? started : last, clock.instant()).toMillis() / 1000.0;
                })
                .baseUnit("seconds").description("time since the register last answered usefully").register(registry);
        Gauge.builder(OPEN_QUARANTINE, () -> {
                    try {
                        return quarantine.countOpen();
                    } catch (RuntimeException e) {
                        log.debug("open quarantine count not available: {}", e.getClass().getSimpleName());
                        return Double.NaN;
                    }
                })
                .description("quarantined register pages not yet resolved").register(registry);
        Gauge.builder(STOPPED, () -> poller.status().stopped() ? 1 : 0)
                .description("1 while register polling is stopped until an operator resumes it").register(registry);
    }
}
