package nl.verzuimhub.server.dashboard.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import nl.verzuimhub.policies.DisclosureRule;
import nl.verzuimhub.policies.PolicySet;

/**
 * SHA-256 over a canonical text of a policy set's content (purposes and rules, sorted; the version string
 * excluded), so that a changed rule shows as a new register version even when someone forgot to bump the version.
 */
public final class PolicyFingerprint {
    private PolicyFingerprint() {
    }

    /**
     * The register's version key: the policy set's own content hash (SHA-256 of its files) when it has one, else
     * (a set built in code) {@link #of}.
     */
    public static String key(PolicySet set) {
        String hash = set.contentHash();
        return hash == null || hash.isBlank() || "code".equals(hash) ? of(set) : hash;
    }

    public static String of(PolicySet set) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(set.purposes()).forEach((id, purpose) -> canonical.append("purpose|").append(id).append('|')
                .append(purpose.name()).append('|').append(purpose.legalBasis()).append('|')
                .append(purpose.processingActivity()).append('\n'));
        TreeMap<String, DisclosureRule> rules = new TreeMap<>();
        set.rules().forEach(rule -> rules.put(rule.id(), rule));
        rules.forEach((id, rule) -> {
            canonical.append("rule|").append(id).append('|').append(rule.effect()).append('|')
                    .append(new java.util.TreeSet<>(rule.roles())).append('|').append(rule.purposeId())
                    .append('|').append(new java.util.TreeSet<>(rule.kinds())).append('|').append(rule.scope())
                    .append('|').append(new java.util.TreeSet<>(rule.forbiddenFields())).append('|').append(rule.mazl())
                    .append('|').append(rule.identifiableWith()).append('|').append(rule.legalBasis());
            new TreeMap<>(rule.fields()).forEach((field, treatment) -> canonical.append('|').append(field.jsonName())
                    .append('=').append(treatment));
            canonical.append('\n');
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
