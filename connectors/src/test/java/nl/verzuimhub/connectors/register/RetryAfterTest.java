package nl.verzuimhub.connectors.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void secondsAndHttpDatesAreBothUnderstood() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 08:05:00 GMT", NOW)).contains(Duration.ofMinutes(5));
    }

    @Test
    void aDateInThePastMeansNowAndAHugeValueIsCapped() {
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 07:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("86400", NOW)).contains(RetryAfter.MAX_WAIT);
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).contains(RetryAfter.MAX_WAIT);
    }

    @Test
    void anythingElseIsIgnored() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    }
}
