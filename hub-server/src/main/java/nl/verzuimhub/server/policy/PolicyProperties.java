package nl.verzuimhub.server.policy;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The policy set to load, the reference data its scopes need, and keys.
 *
 * @param location           a directory of policy YAML files ({@code hub.policy.location}); empty: the default set
 *                           on the classpath. An invalid set stops the hub with every problem (file, line, what).
 * @param switches           {@code hub.policy.switches.<id>=true} turns a legal-basis switch declared by the set on
 * @param ggdRegions         {@code hub.policy.ggd-regions.<region-id>}: the CBS codes of the region's municipalities
 * @param rmcRegions         {@code hub.policy.rmc-regions.<region-id>}: the CBS codes of the RMC region's municipalities
 * @param partnerships       {@code hub.policy.partnerships}: known samenwerkingsverband codes; a policy scope naming
 *                           another one is refused. Empty: not checked.
 * @param pseudonymMasterKey base64, at least 32 bytes: the key every recipient's pseudonym key is derived from.
 *                           Changing it changes every pseudonym.
 */
@ConfigurationProperties("hub.policy")
public record PolicyProperties(String location, Map<String, Boolean> switches, Map<String, Set<String>> ggdRegions,
                               Map<String, Set<String>> rmcRegions, Set<String> partnerships,
                               String pseudonymMasterKey) {
    public PolicyProperties {
        switches = switches == null ? Map.of() : switches;
        ggdRegions = ggdRegions == null ? Map.of() : ggdRegions;
        rmcRegions = rmcRegions == null ? Map.of() : rmcRegions;
        partnerships = partnerships == null ? Set.of() : partnerships;
    }
}
