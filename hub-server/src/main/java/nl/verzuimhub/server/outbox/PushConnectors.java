package nl.verzuimhub.server.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import nl.verzuimhub.connectors.push.FileConnector;
import nl.verzuimhub.connectors.push.FileSettings;
import nl.verzuimhub.connectors.push.PushConnector;
import nl.verzuimhub.connectors.push.SettingsException;
import nl.verzuimhub.connectors.push.SftpConnector;
import nl.verzuimhub.connectors.push.SftpSettings;
import nl.verzuimhub.connectors.push.WebhookConnector;
import nl.verzuimhub.connectors.push.WebhookSettings;
import nl.verzuimhub.connectors.tls.TlsContexts;
import nl.verzuimhub.server.recipients.RecipientProperties;

/**
 * Every recipient's push connector, built from {@code hub.recipients.<client-id>.push.*} when the hub starts. Any
 * setting that cannot work stops the hub with a message naming each offending property.
 */
public final class PushConnectors implements AutoCloseable {
    static final Set<String> CONNECTOR_IDS = Set.of(WebhookConnector.ID, FileConnector.ID, SftpConnector.ID);

    private final Map<String, PushConnector> byRecipient;

    public PushConnectors(RecipientProperties properties, OutboxProperties outbox, Clock clock) {
        Map<String, RecipientProperties.Client> clients = properties.recipients() == null ? Map.of()
                : properties.recipients();
        List<String> problems = new ArrayList<>();
        Map<String, PushConnector> connectors = new LinkedHashMap<>();
        clients.forEach((clientId, client) -> {
            RecipientProperties.Push push = client.push();
            if (push == null) {
                return;
            }
            String prefix = "hub.recipients." + clientId + ".push";
            if (push.connector() == null || !CONNECTOR_IDS.contains(push.connector())) {
                problems.add(prefix + ".connector must be one of " + CONNECTOR_IDS.stream().sorted().toList()
                        + ", was '" + push.connector() + "'");
                return;
            }
            List<String> own = new ArrayList<>();
            PushConnector connector = null;
            if (WebhookConnector.ID.equals(push.connector())) {
                WebhookSettings settings = webhook(push, prefix, own);
                own.addAll(settings.problems(prefix));
                if (own.isEmpty() && settings.connectTimeout().plus(settings.readTimeout()).multipliedBy(2)
                        .compareTo(outbox.lease()) > 0) {
                    own.add(prefix + ".connect-timeout + read-timeout must be under half of hub.outbox.lease ("
                            + outbox.lease() + ") so that a lane's lease outlives an attempt");
                }
                if (own.isEmpty()) {
                    connector = new WebhookConnector(settings, clock);
                }
            } else if (FileConnector.ID.equals(push.connector())) {
                FileSettings settings = new FileSettings(push.directory(), push.format());
                own.addAll(settings.problems(prefix));
                if (own.isEmpty()) {
                    connector = new FileConnector(settings);
                }
            } else {
                SftpSettings settings = new SftpSettings(push.host(), push.port(), push.username(), push.password(),
                        push.privateKey(), push.privateKeyPassphrase(), push.hostKey(), push.remoteDirectory(),
                        push.format(), push.timeout());
                own.addAll(settings.problems(prefix));
                if (own.isEmpty()) {
                    try {
                        connector = new SftpConnector(settings);
                    } catch (SettingsException e) {
                        e.problems().forEach(problem -> own.add(prefix + ": " + problem));
                    }
                }
            }
            problems.addAll(own);
            if (connector != null) {
                connectors.put(clientId, connector);
            }
        });
        if (!problems.isEmpty()) {
            connectors.values().forEach(PushConnectors::closeQuietly);
            throw new SettingsException(problems);
        }
        this.byRecipient = Map.copyOf(connectors);
    }

    private static WebhookSettings webhook(RecipientProperties.Push push, String prefix, List<String> problems) {
        RecipientProperties.OAuth2 oauth2 = push.oauth2();
        return new WebhookSettings(push.url(), push.secret(), oauth2 == null ? null
                : new WebhookSettings.OAuth2(oauth2.tokenUrl(), oauth2.clientId(), oauth2.clientSecret(), oauth2.scope()),
                push.connectTimeout(), push.readTimeout(), tls(push.tls(), prefix + ".tls", problems));
    }

    /** The webhook's own TLS context, or null (JVM defaults); a store that cannot be used is a problem. */
    private static SSLContext tls(RecipientProperties.Tls tls, String prefix, List<String> problems) {
        if (tls == null || (tls.keyStore() == null && tls.trustStore() == null)) {
            return null;
        }
        try {
            return TlsContexts.context(prefix, tls.keyStore(), chars(tls.keyStorePassword()), tls.trustStore(),
                    chars(tls.trustStorePassword()));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }

    public Optional<PushConnector> forRecipient(String clientId) {
        return Optional.ofNullable(byRecipient.get(clientId));
    }

    public Set<String> recipients() {
        return byRecipient.keySet();
    }

    @Override
    public void close() {
        byRecipient.values().forEach(PushConnectors::closeQuietly);
    }

    private static void closeQuietly(PushConnector connector) {
        if (connector instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // shutting down; nothing to save
            }
        }
    }
}
