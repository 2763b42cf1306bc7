package nl.verzuimhub.server.dashboard.login;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Refuses a TOTP step that a person has already used (RFC 6238 section 5.2: a code is good for one login only).
 *
 * <p>Contract: {@link #claim} succeeds only for a step strictly after the last step claimed for that person, so a
 * code seen by an onlooker cannot be replayed, nor can an older code within the drift window. In memory: with
 * several hub instances a code could be used once per instance (documented limitation).
 */
public final class TotpReplayGuard {
    private final ConcurrentMap<String, Long> lastStep = new ConcurrentHashMap<>();

    /** True when {@code step} was not used before by {@code username} (and records it as used). */
    public boolean claim(String username, long step) {
        boolean[] claimed = {false};
        lastStep.compute(username, (name, last) -> {
            if (last == null || step > last) {
                claimed[0] = true;
                return step;
            }
            return last;
        });
        return claimed[0];
    }
}
