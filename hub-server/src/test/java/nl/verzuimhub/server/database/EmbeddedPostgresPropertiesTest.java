package nl.verzuimhub.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.verzuimhub.dpia.AuditServerSettings;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresPropertiesTest {
    @Test
    void anOperatorsSettingsReplaceOrAddToTheAuditLogsOnesWithHyphensReadAsUnderscores() {
        Map<String, String> server = new EmbeddedPostgresProperties(null, null,
                Map.of("shared-buffers", "4GB", "work_mem", " 16MB ")).serverSettings();

        assertThat(server).containsEntry("shared_buffers", "4GB").containsEntry("work_mem", "16MB")
                .containsEntry("fsync", "on").doesNotContainKey("shared-buffers");
        assertThat(server.keySet()).startsWith(AuditServerSettings.SETTINGS.keySet().toArray(String[]::new));
        assertThat(new EmbeddedPostgresProperties(null, null, null).serverSettings())
                .isEqualTo(AuditServerSettings.SETTINGS);
    }

    @Test
    void aNameThatIsNoSettingOrAnEmptyValueIsRefusedByName() {
        assertThatThrownBy(() -> new EmbeddedPostgresProperties(null, null, Map.of("work mem; drop", "1MB"))
                .serverSettings()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("work mem; drop");
        assertThatThrownBy(() -> new EmbeddedPostgresProperties(null, null, Map.of("work-mem", " ")).serverSettings())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("work-mem");
    }
}
