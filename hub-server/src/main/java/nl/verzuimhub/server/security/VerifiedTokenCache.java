package nl.verzuimhub.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the bearer tokens its delegate accepted, so a client that sends the same token with every request (a
 * feed reader paging through its feed) has the token's signature and claims checked once, not on every page.
 *
 * <p>Contract: a remembered token is accepted again without the delegate only while all of these hold, else it goes
 * to the delegate as if never seen: it has not expired ({@code exp}, with no clock skew, so never longer than the
 * delegate would accept it), at most {@code maxAge} has passed since the delegate accepted it, and the key that signed
 * it ({@code kid}) is still trusted. Only accepted tokens are remembered, at most {@code maxEntries}. Whether the
 * client is revoked is not part of decoding and is still asked on every request.
 */
final class VerifiedTokenCache implements JwtDecoder {
    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder delegate;
    private final Predicate<String> keyTrusted;
    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(JwtDecoder delegate, Predicate<String> keyTrusted, Clock clock, Duration maxAge, int maxEntries) {
        this.delegate = delegate;
        this.keyTrusted = keyTrusted;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.until()) && keyTrusted.test(keyId(known.jwt()))) {
                return known.jwt();
            }
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (now.isBefore(until)) {
            makeRoom(now);
            verified.put(token, new Verified(jwt, until));
        }
        return jwt;
    }

    /** How many tokens are remembered now (for tests). */
    int size() {
        return verified.size();
    }

    private void makeRoom(Instant now) {
        if (verified.size() < maxEntries) {
            return;
        }
        verified.values().removeIf(entry -> !now.isBefore(entry.until()));
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
    }

    private static String keyId(Jwt jwt) {
        Object kid = jwt.getHeaders().get("kid");
        return kid == null ? null : kid.toString();
    }
}
