package nl.verzuimhub.connectors.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    /** 1 s, 2 s, 4 s... without jitter spread (random 0.999.. gives the full base delay), 3 requests per poll. */
    private final PollSchedule schedule = new PollSchedule(INTERVAL,
            new BackoffPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 3, () -> 0.999_999));

    @Test
    void dueAtOnceThenOneIntervalAfterThePollStarted() {
        assertThat(schedule.isDue(T0)).isTrue();
        schedule.starting(T0);
        schedule.succeeded(T0.plusSeconds(1), true);
        schedule.starting(T0.plusSeconds(1));
        schedule.succeeded(T0.plusSeconds(3), false);

        assertThat(schedule.nextDue()).isEqualTo(T0.plus(INTERVAL));
        assertThat(schedule.isDue(T0.plusSeconds(9))).isFalse();
        assertThat(schedule.isDue(T0.plusSeconds(10))).isTrue();
        assertThat(schedule.status().lastSuccessAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void aPollLongerThanTheIntervalIsFollowedAtOnce() {
        schedule.starting(T0);
        schedule.succeeded(T0.plusSeconds(25), false);
        assertThat(schedule.nextDue()).isEqualTo(T0.plusSeconds(25));
    }

    @Test
    void temporaryFailuresBackOffThenGiveUpUntilTheNextPoll() {
        schedule.starting(T0);
        assertThat(schedule.failed(failure(FailureCause.SERVER_ERROR, T0, null))).isEqualTo(PollSchedule.Decision.RETRY);
        assertThat(schedule.nextDue()).isEqualTo(T0.plusSeconds(1));
        schedule.starting(T0.plusSeconds(1));
        assertThat(schedule.failed(failure(FailureCause.TIMEOUT, T0.plusSeconds(1), null)))
                .isEqualTo(PollSchedule.Decision.RETRY);
        assertThat(schedule.nextDue()).isEqualTo(T0.plusSeconds(3));
        schedule.starting(T0.plusSeconds(3));
        assertThat(schedule.failed(failure(FailureCause.CONNECTION, T0.plusSeconds(3), null)))
                .isEqualTo(PollSchedule.Decision.NEXT_POLL);
        assertThat(schedule.nextDue()).as("the next poll, counted from the start of this one").isEqualTo(T0.plus(INTERVAL));
        assertThat(schedule.status().consecutiveFailures()).isEqualTo(3);

        schedule.starting(T0.plus(INTERVAL));
        assertThat(schedule.failed(failure(FailureCause.SERVER_ERROR, T0.plus(INTERVAL), null)))
                .as("a new poll has its attempts again").isEqualTo(PollSchedule.Decision.RETRY);
    }

    @Test
    void retryAfterLongerThanTheBackOffWinsAlsoOverTheNextPoll() {
        schedule.starting(T0);
        schedule.failed(failure(FailureCause.RATE_LIMITED, T0, Duration.ofSeconds(30)));
        assertThat(schedule.nextDue()).isEqualTo(T0.plusSeconds(30));

        PollSchedule oneAttempt = new PollSchedule(INTERVAL,
                new BackoffPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 1, () -> 0.5));
        oneAttempt.starting(T0);
        assertThat(oneAttempt.failed(failure(FailureCause.SERVER_ERROR, T0, Duration.ofMinutes(2))))
                .isEqualTo(PollSchedule.Decision.NEXT_POLL);
        assertThat(oneAttempt.nextDue()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void aShorterRetryAfterDoesNotShortenTheBackOff() {
        schedule.starting(T0);
        schedule.failed(failure(FailureCause.SERVER_ERROR, T0, Duration.ZERO));
        assertThat(schedule.nextDue()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aRefusalStopsUntilResumed() {
        schedule.starting(T0);
        PollFailure refused = failure(FailureCause.FORBIDDEN, T0, null);
        assertThat(schedule.failed(refused)).isEqualTo(PollSchedule.Decision.STOP);

        assertThat(schedule.isDue(T0.plus(Duration.ofDays(1)))).isFalse();
        assertThat(schedule.status().stopped()).isTrue();
        assertThat(schedule.status().stopReason()).isEqualTo(refused);

        assertThat(schedule.resume(T0.plusSeconds(100))).isTrue();
        assertThat(schedule.isDue(T0.plusSeconds(100))).isTrue();
        assertThat(schedule.status().stopped()).isFalse();
        assertThat(schedule.resume(T0.plusSeconds(101))).isFalse();
    }

    private static PollFailure failure(FailureCause cause, Instant at, Duration retryAfter) {
        return new PollFailure(cause, 0, retryAfter, cause.tag(), at, 0);
    }
}
