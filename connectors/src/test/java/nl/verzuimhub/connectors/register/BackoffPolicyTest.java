package nl.verzuimhub.connectors.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {
    private static BackoffPolicy policy(double random) {
        return new BackoffPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 5, () -> random);
    }

    @Test
    void theBaseDelayDoublesUpToTheCap() {
        BackoffPolicy policy = policy(0.0);
        assertThat(policy.baseDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.baseDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.baseDelay(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.baseDelay(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.baseDelay(200)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterSpreadsTheDelayOverTheUpperHalfAndNeverReachesZero() {
        assertThat(policy(0.0).delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy(0.5).delayAfter(3)).isEqualTo(Duration.ofMillis(3000));
        assertThat(policy(0.999_999).delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(new BackoffPolicy(Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 1, () -> 0.0).delayAfter(1))
                .isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void attemptsPerPollAreBounded() {
        BackoffPolicy policy = policy(0.5);
        assertThat(policy.mayRetry(4)).isTrue();
        assertThat(policy.mayRetry(5)).isFalse();
    }

    @Test
    void nonsenseSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ZERO, 2, Duration.ofSeconds(1), 3, Math::random))
                .hasMessageContaining("initial delay");
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 3, Math::random))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 3, Math::random))
                .hasMessageContaining("max delay");
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 0, Math::random))
                .hasMessageContaining("max attempts");
        assertThatThrownBy(() -> policy(1.0).delayAfter(1)).isInstanceOf(IllegalStateException.class);
    }
}
