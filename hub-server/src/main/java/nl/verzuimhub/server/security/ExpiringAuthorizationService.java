package nl.verzuimhub.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The embedded authorization server's record of what it issued (authorization codes, access tokens), in memory,
 * forgetting each authorization once nothing in it can be used any more. Spring's in-memory service keeps every
 * completed authorization for ever: one per token request, so a long-running hub would grow without bound.
 *
 * <p>Contract: behaves as {@link InMemoryOAuth2AuthorizationService}, except that an authorization whose last token
 * (code, access, refresh or ID token) has expired is removed at the first {@link #save} after
 * {@code sweepInterval} has passed since the last sweep. An authorization with no token yet (a request in progress)
 * counts as expiring {@code pendingTtl} after it was saved.
 *
 * <p>In memory on purpose: access tokens are JWTs checked by signature, never looked up here, and an authorization
 * code is exchanged by the instance that holds the person's login session (sessions are per instance, so several
 * instances need sticky sessions for the dashboard login anyway).
 */
final class ExpiringAuthorizationService implements OAuth2AuthorizationService {
    private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();
    private final Map<String, Instant> expiresAt = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration pendingTtl;
    private final Duration sweepInterval;
    private volatile Instant nextSweep;

    ExpiringAuthorizationService(Clock clock, Duration pendingTtl, Duration sweepInterval) {
        this.clock = clock;
        this.pendingTtl = pendingTtl;
        this.sweepInterval = sweepInterval;
        this.nextSweep = clock.instant().plus(sweepInterval);
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Instant now = clock.instant();
        delegate.save(authorization);
        expiresAt.put(authorization.getId(), lastExpiry(authorization, now));
        if (!now.isBefore(nextSweep)) {
            nextSweep = now.plus(sweepInterval);
            sweep(now);
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
        expiresAt.remove(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }

    /** How many authorizations are held (for tests and metrics). */
    int size() {
        return expiresAt.size();
    }

    private void sweep(Instant now) {
        expiresAt.forEach((id, expiry) -> {
            if (expiry.isBefore(now)) {
                OAuth2Authorization authorization = delegate.findById(id);
                if (authorization != null) {
                    delegate.remove(authorization);
                }
                expiresAt.remove(id, expiry);
            }
        });
    }

    private Instant lastExpiry(OAuth2Authorization authorization, Instant now) {
        Instant last = null;
        for (Class<? extends AbstractOAuth2Token> type : java.util.List.of(OAuth2AuthorizationCode.class,
                OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class)) {
            OAuth2Authorization.Token<? extends AbstractOAuth2Token> token = authorization.getToken(type);
            Instant expiry = token == null ? null : token.getToken().getExpiresAt();
            if (expiry != null && (last == null || expiry.isAfter(last))) {
                last = expiry;
            }
        }
        return last == null ? now.plus(pendingTtl) : last;
    }
}
