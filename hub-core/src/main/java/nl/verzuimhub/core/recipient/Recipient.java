package nl.verzuimhub.core.recipient;

import java.util.List;
import java.util.Objects;

/**
 * A party that may receive data from the hub: one OAuth2 client.
 *
 * @param clientId stable id; also the key of the recipient's settings and of its pseudonyms
 * @param purposes ids of the purposes this recipient may process data for; a request outside them is refused
 */
public record Recipient(String clientId, Organisation organisation, RecipientRole role, List<String> purposes) {
    public Recipient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(role, "role");
        purposes = List.copyOf(purposes);
    }
}
