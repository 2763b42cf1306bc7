package nl.verzuimhub.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.connectors.push.SettingsException;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.server.recipients.RecipientProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push settings are checked when the hub starts; every problem names its property. */
class PushConnectorsTest {
    static final OutboxProperties OUTBOX = new OutboxProperties(null, null, null, null, null, Duration.ofSeconds(60), null);

    @TempDir
    Path directory;

    static RecipientProperties.Client client(RecipientProperties.Push push) {
        return new RecipientProperties.Client(new RecipientProperties.Org(OrganisationType.MUNICIPALITY, "0363", "A"),
                RecipientRole.ATTENDANCE_OFFICER, List.of("leerplicht"), null, push);
    }

    static RecipientProperties.Push webhook(String url, String secret, Duration readTimeout) {
        return new RecipientProperties.Push("webhook", url == null ? null : URI.create(url), secret, null, null,
                readTimeout, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static RecipientProperties.Push file(Path directory) {
        return new RecipientProperties.Push("file", null, null, null, null, null, null, directory, null, null, null,
                null, null, null, null, null, null, null);
    }

    @Test
    void buildsEachRecipientsConnectorAndLeavesPullOnlyRecipientsAlone() {
        Map<String, RecipientProperties.Client> clients = new LinkedHashMap<>();
        clients.put("leerplicht-0363", client(webhook("https://gemeente.example/hook", "a-long-enough-secret", null)));
        clients.put("jgz", client(file(directory)));
        clients.put("pull-only", client(null));
        try (PushConnectors connectors = new PushConnectors(new RecipientProperties(clients), OUTBOX, Clock.systemUTC())) {
            assertThat(connectors.recipients()).containsExactlyInAnyOrder("leerplicht-0363", "jgz");
            assertThat(connectors.forRecipient("leerplicht-0363").orElseThrow().id()).isEqualTo("webhook");
            assertThat(connectors.forRecipient("jgz").orElseThrow().id()).isEqualTo("file");
            assertThat(connectors.forRecipient("pull-only")).isEmpty();
        }
    }

    @Test
    void refusesToStartNamingEveryWrongProperty() {
        Map<String, RecipientProperties.Client> clients = new LinkedHashMap<>();
        clients.put("a", client(webhook("http://gemeente.example/hook", null, null)));
        clients.put("b", client(new RecipientProperties.Push("ftp", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null)));
        clients.put("c", client(file(directory.resolve("absent"))));
        clients.put("d", client(webhook("https://gemeente.example/hook", "a-long-enough-secret", Duration.ofSeconds(40))));
        clients.put("e", client(new RecipientProperties.Push("webhook", URI.create("https://gemeente.example/hook"),
                "a-long-enough-secret", null, null, null, new RecipientProperties.Tls(null, null,
                directory.resolve("absent.p12"), "trust-password"), null, null, null, null, null, null, null, null,
                null, null, null)));
        assertThatThrownBy(() -> new PushConnectors(new RecipientProperties(clients), OUTBOX, Clock.systemUTC()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("hub.recipients.a.push.url must use https")
                .hasMessageContaining("hub.recipients.a.push.secret is missing")
                .hasMessageContaining("hub.recipients.b.push.connector must be one of [file, sftp, webhook], was 'ftp'")
                .hasMessageContaining("hub.recipients.c.push.directory")
                .hasMessageContaining("hub.recipients.d.push.connect-timeout + read-timeout must be under half of hub.outbox.lease")
                .hasMessageContaining("hub.recipients.e.push.tls.trust-store").hasMessageContaining("does not exist")
                .hasMessageNotContaining("trust-password");
    }

    @Test
    void backoffDoublesWithJitterUpToTheMaximumAndHonoursRetryAfter() {
        Backoff lowest = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 0.0);
        Backoff highest = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 0.999999);
        assertThat(lowest.after(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(highest.after(1, null)).isBetween(Duration.ofMillis(1_999), Duration.ofSeconds(2));
        assertThat(lowest.after(4, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(highest.after(4, null)).isBetween(Duration.ofMillis(15_999), Duration.ofSeconds(16));
        assertThat(highest.after(40, null)).isBetween(Duration.ofMillis(599_999), Duration.ofMinutes(10));
        assertThat(lowest.after(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(lowest.after(1, Duration.ofHours(5))).as("capped").isEqualTo(Duration.ofMinutes(10));
    }
}
