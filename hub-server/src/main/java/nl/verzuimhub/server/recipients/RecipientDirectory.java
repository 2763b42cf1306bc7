package nl.verzuimhub.server.recipients;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.verzuimhub.core.recipient.Organisation;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.policies.PolicyEngine;

/**
 * Every recipient the hub knows, from configuration, checked at start-up against the policy set: a recipient with
 * no organisation, no role, or a purpose the policy set does not know stops the hub with a message naming it.
 * Clients registered at runtime ({@link ClientRegistry}) are added with {@link #register}, checked the same way;
 * configuration wins over a runtime registration of the same client id.
 */
public final class RecipientDirectory {
    private final Map<String, Recipient> byClientId = new ConcurrentHashMap<>();
    /** Revoked clients: still found (for audit entries), but no longer in {@link #all()}. */
    private final java.util.Set<String> revoked = ConcurrentHashMap.newKeySet();
    /** {@link #all()}'s answer, rebuilt on every change: read once per mutation, changed rarely. */
    private volatile List<Recipient> snapshot;
    private final java.util.Set<String> configured;
    private final PolicyEngine engine;

    public RecipientDirectory(RecipientProperties properties, PolicyEngine engine) {
        Map<String, RecipientProperties.Client> configured = properties.recipients() == null ? Map.of()
                : properties.recipients();
        List<String> problems = new ArrayList<>();
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        configured.forEach((clientId, client) -> {
            String prefix = "hub.recipients." + clientId;
            if (client.organisation() == null || client.organisation().type() == null
                    || client.organisation().code() == null || client.organisation().name() == null) {
                problems.add(prefix + ".organisation needs type, code and name");
                return;
            }
            if (client.role() == null) {
                problems.add(prefix + ".role is missing");
                return;
            }
            List<String> purposes = client.purposes() == null ? List.of() : client.purposes();
            for (String purpose : purposes) {
                if (!engine.policySet().purposes().containsKey(purpose)) {
                    problems.add(prefix + ".purposes names unknown purpose '" + purpose + "'; known: "
                            + engine.policySet().purposes().keySet());
                }
            }
            Organisation organisation = new Organisation(client.organisation().type(), client.organisation().code(),
                    client.organisation().name());
            recipients.put(clientId, new Recipient(clientId, organisation, client.role(), purposes));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid recipient settings:\n  " + String.join("\n  ", problems));
        }
        this.byClientId.putAll(recipients);
        this.snapshot = List.copyOf(byClientId.values());
        this.configured = java.util.Set.copyOf(recipients.keySet());
        this.engine = engine;
    }

    /** Whether the client comes from {@code hub.recipients} (and so cannot be changed at runtime). */
    public boolean isConfigured(String clientId) {
        return configured.contains(clientId);
    }

    /**
     * Adds or replaces a runtime-registered recipient.
     *
     * @throws IllegalArgumentException naming the problem: a configured client id, or a purpose the policy set lacks
     */
    public void register(Recipient recipient) {
        if (configured.contains(recipient.clientId())) {
            throw new IllegalArgumentException("client '" + recipient.clientId() + "' is set in hub.recipients");
        }
        for (String purpose : recipient.purposes()) {
            if (!engine.policySet().purposes().containsKey(purpose)) {
                throw new IllegalArgumentException("unknown purpose '" + purpose + "'; known: "
                        + engine.policySet().purposes().keySet());
            }
        }
        synchronized (byClientId) {
            byClientId.put(recipient.clientId(), recipient);
            rebuildSnapshot();
        }
    }

    /** Takes a revoked client out of {@link #all()}, so nothing more is decided or queued for it. */
    public void revoke(String clientId) {
        synchronized (byClientId) {
            revoked.add(clientId);
            rebuildSnapshot();
        }
    }

    /** Whether {@link #revoke} was called for the client (by this instance, or by a refresh from the table). */
    public boolean isRevoked(String clientId) {
        return revoked.contains(clientId);
    }

    private void rebuildSnapshot() {
        snapshot = byClientId.values().stream().filter(r -> !revoked.contains(r.clientId())).toList();
    }

    public Optional<Recipient> find(String clientId) {
        return Optional.ofNullable(byClientId.get(clientId));
    }

    /**
     * A snapshot of every recipient that is not revoked, in no particular order; changes after the call are not in
     * it.
     */
    public Collection<Recipient> all() {
        return snapshot;
    }
}
