package nl.verzuimhub.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding of {@code hub.register.*} as Spring does it, without a context. */
class RegisterPropertiesTest {

    @Test
    void fetchesAheadOnlyWhenTurnedOn() {
        assertThat(bind(Map.of("hub.register.page-size", "1000")).prefetch()).isFalse();
        assertThat(bind(Map.of("hub.register.prefetch", "true")).prefetch()).isTrue();
        assertThat(bind(Map.of("hub.register.prefetch", "true")).toString()).contains("prefetch=true");
    }

    private static RegisterProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("hub.register", RegisterProperties.class)
                .get();
    }
}
