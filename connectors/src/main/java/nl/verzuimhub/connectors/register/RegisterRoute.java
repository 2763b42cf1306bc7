package nl.verzuimhub.connectors.register;

import java.time.Duration;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * Polls the register's change feed. One route, {@value #POLL_ROUTE_ID}: a fast timer (every {@code tick}, never
 * overlapping) asks the {@link RegisterPoller} whether a request is due (poll interval, back-off, Retry-After, stopped);
 * when it is, it fetches pages from the stored cursor for as long as the register says {@code Meer}.
 *
 * <p>All decisions live in plain classes: {@link RegisterPoller} (one request and the table of answers),
 * {@link PollSchedule} (when next), {@link BackoffPolicy} and {@link RetryAfter}. Nothing here sleeps: waiting is the
 * timer ticking until the schedule says the next request is due.
 */
public class RegisterRoute extends RouteBuilder {
    /** Id of the timer route. */
    public static final String POLL_ROUTE_ID = "register-poll";
    /** The default tick: how precisely back-off delays and poll intervals are kept. */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(100);

    private static final String MORE = "registerMore";

    private final RegisterPoller poller;
    private final Duration tick;

    /**
     * @param poller does the work
     * @param tick   how often the timer asks whether a request is due, 10 ms to 10 s
     */
    public RegisterRoute(RegisterPoller poller, Duration tick) {
        this.poller = Objects.requireNonNull(poller, "poller");
        Objects.requireNonNull(tick, "tick");
        if (tick.toMillis() < 10 || tick.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("register timer tick must be 10 ms to 10 s, got " + tick);
        }
        this.tick = tick;
    }

    @Override
    public void configure() {
        from("timer:" + POLL_ROUTE_ID + "?synchronous=true&delay=" + tick.toMillis() + "&period=" + tick.toMillis())
                .routeId(POLL_ROUTE_ID)
                .filter(method(poller, "isDue"))
                    .setProperty(MORE, constant(true))
                    .loopDoWhile(exchangeProperty(MORE).isEqualTo(true))
                        .process(exchange -> exchange.setProperty(MORE, poller.fetchNextPage()))
                    .end()
                .end();
    }
}
