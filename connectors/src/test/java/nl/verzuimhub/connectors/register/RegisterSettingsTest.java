package nl.verzuimhub.connectors.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegisterSettingsTest {
    private static final URI REGISTER = URI.create("https://register.example/api");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void keepsValidSettings() {
        RegisterSettings settings = new RegisterSettings(REGISTER, MINUTE, 250);

        assertThat(settings.baseUrl()).isEqualTo(REGISTER);
        assertThat(settings.pollInterval()).isEqualTo(MINUTE);
        assertThat(settings.pageSize()).isEqualTo(250);
    }

    @Test
    void usesPageSize500WhenItIsNotSet() {
        assertThat(new RegisterSettings(REGISTER, MINUTE, 0).pageSize()).isEqualTo(500);
        assertThat(RegisterSettings.of(REGISTER, MINUTE).pageSize()).isEqualTo(500);
    }

    @Test
    void acceptsPageSizesFrom1To1000() {
        assertThat(new RegisterSettings(REGISTER, MINUTE, 1).pageSize()).isEqualTo(1);
        assertThat(new RegisterSettings(REGISTER, MINUTE, 1000).pageSize()).isEqualTo(1000);
    }

    @Test
    void refusesAPageSizeOutside1To1000() {
        assertThatThrownBy(() -> new RegisterSettings(REGISTER, MINUTE, 1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page size must be 1 to 1000, got 1001");
        assertThatThrownBy(() -> new RegisterSettings(REGISTER, MINUTE, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1");
    }

    @Test
    void refusesAMissingOrTooShortPollInterval() {
        assertThatThrownBy(() -> new RegisterSettings(REGISTER, null, 500)).hasMessageContaining("poll interval is not set");
        assertThatThrownBy(() -> new RegisterSettings(REGISTER, Duration.ofMillis(99), 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 100 ms");
        assertThatThrownBy(() -> new RegisterSettings(REGISTER, Duration.ofSeconds(-5), 500))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowsTheBaseUrlToBeLeftForRunTime() {
        assertThat(new RegisterSettings(null, MINUTE, 500).baseUrl()).isNull();
    }

    @Test
    void refusesABaseUrlThatIsNotAbsoluteHttp() {
        assertThatThrownBy(() -> new RegisterSettings(URI.create("ftp://register.example"), MINUTE, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https").hasMessageContaining("ftp");
        assertThatThrownBy(() -> new RegisterSettings(URI.create("/v1"), MINUTE, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    }

    @Test
    void refusesCredentialsOrAQueryInTheBaseUrlWithoutRepeatingThem() {
        assertThatThrownBy(() -> new RegisterSettings(URI.create("https://hub:s3cret@register.example"), MINUTE, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new RegisterSettings(URI.create("https://register.example/?token=s3cret"), MINUTE, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query").hasMessageNotContaining("s3cret");
    }
}
