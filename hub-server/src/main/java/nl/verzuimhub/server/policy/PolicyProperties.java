package nl.verzuimhub.server.policy;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reference data and keys the policies need.
 *
 * @param ggdRegions        {@code hub.policy.ggd-regions.<region-id>}: the CBS codes of the region's municipalities
 * @param pseudonymMasterKey base64, at least 32 bytes: the key every recipient's pseudonym key is derived from.
 *                           Changing it changes every pseudonym.
 */
@ConfigurationProperties("hub.policy")
public record PolicyProperties(Map<String, Set<String>> ggdRegions, String pseudonymMasterKey) {
}
