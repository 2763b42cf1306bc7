package nl.verzuimhub.server.recipients;

import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.RecipientRole;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The recipients, keyed by OAuth2 client id: {@code hub.recipients.<client-id>.*}.
 *
 * @param recipients client id to its organisation, role, purposes and client secret
 */
@ConfigurationProperties("hub")
public record RecipientProperties(Map<String, Client> recipients) {

    /**
     * @param secret the OAuth2 client secret in clear; it is hashed when the hub starts and never kept in clear
     */
    public record Client(Org organisation, RecipientRole role, List<String> purposes, String secret) {
    }

    public record Org(OrganisationType type, String code, String name) {
    }
}
