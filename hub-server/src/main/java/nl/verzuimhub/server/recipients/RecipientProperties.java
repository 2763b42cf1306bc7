package nl.verzuimhub.server.recipients;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.connectors.push.FileFormat;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.RecipientRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The recipients, keyed by OAuth2 client id: {@code hub.recipients.<client-id>.*}.
 *
 * @param recipients client id to its organisation, role, purposes and client secret
 */
@ConfigurationProperties("hub")
public record RecipientProperties(Map<String, Client> recipients) {

    /**
     * @param secret the OAuth2 client secret in clear; it is hashed when the hub starts and never kept in clear
     * @param push   how the hub pushes this recipient's deliveries ({@code hub.recipients.<client-id>.push.*}), or
     *               null for pull only
     */
    public record Client(Org organisation, RecipientRole role, List<String> purposes, String secret, Push push) {
        @ConstructorBinding
        public Client {
        }

        public Client(Org organisation, RecipientRole role, List<String> purposes, String secret) {
            this(organisation, role, purposes, secret, null);
        }
    }

    public record Org(OrganisationType type, String code, String name) {
    }

    /**
     * Push delivery settings; which ones apply depends on {@code connector} (see docs/integration-guide.md).
     *
     * @param connector {@code webhook}, {@code file} or {@code sftp}
     */
    public record Push(String connector,
                       // webhook
                       URI url, String secret, OAuth2 oauth2, Duration connectTimeout, Duration readTimeout, Tls tls,
                       // file
                       Path directory, FileFormat format,
                       // sftp (and format)
                       String host, Integer port, String username, String password, Path privateKey,
                       String privateKeyPassphrase, String hostKey, String remoteDirectory, Duration timeout) {
    }

    /** PKCS#12 stores for the webhook's https: the hub's client certificate (mutual TLS) and the CAs it trusts. */
    public record Tls(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {
    }

    /** Client credentials at the recipient's own token endpoint. */
    public record OAuth2(URI tokenUrl, String clientId, String clientSecret, String scope) {
    }
}
