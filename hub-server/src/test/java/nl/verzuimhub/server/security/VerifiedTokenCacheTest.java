package nl.verzuimhub.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The remembered-token contract: fewer checks, never a token accepted that the delegate would refuse by then. */
class VerifiedTokenCacheTest {
    static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    final SettableClock clock = new SettableClock(START);
    final AtomicInteger checks = new AtomicInteger();
    final Set<String> trustedKeys = new HashSet<>(Set.of("key-1"));
    /** The delegate: accepts "ok-<seconds to expiry>" tokens signed by key-1 until they expire, refuses the rest. */
    final JwtDecoder delegate = token -> {
        checks.incrementAndGet();
        if (!token.startsWith("ok-")) {
            throw new BadJwtException("bad signature");
        }
        Instant expires = START.plusSeconds(Long.parseLong(token.substring(3)));
        if (!clock.instant().isBefore(expires)) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").header("kid", "key-1").subject("client")
                .issuedAt(START).expiresAt(expires).build();
    };

    VerifiedTokenCache cache(int maxEntries) {
        return new VerifiedTokenCache(delegate, trustedKeys::contains, clock, MAX_AGE, maxEntries);
    }

    @Test
    void anAcceptedTokenIsCheckedOnceWhileItIsFresh() {
        VerifiedTokenCache cache = cache(16);
        Jwt first = cache.decode("ok-300");
        clock.set(START.plusSeconds(59));
        assertThat(cache.decode("ok-300")).isSameAs(first);
        assertThat(checks).hasValue(1);
    }

    @Test
    void afterTheMaximumAgeTheTokenIsCheckedAgain() {
        VerifiedTokenCache cache = cache(16);
        cache.decode("ok-300");
        clock.set(START.plus(MAX_AGE));
        cache.decode("ok-300");
        assertThat(checks).hasValue(2);
    }

    @Test
    void anExpiredTokenGoesToTheDelegateAndIsRefused() {
        VerifiedTokenCache cache = cache(16);
        cache.decode("ok-30");
        clock.set(START.plusSeconds(30));
        assertThatThrownBy(() -> cache.decode("ok-30")).isInstanceOf(BadJwtException.class).hasMessage("expired");
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenOfAKeyNoLongerTrustedIsCheckedAgain() {
        VerifiedTokenCache cache = cache(16);
        cache.decode("ok-300");
        trustedKeys.clear();
        cache.decode("ok-300");
        cache.decode("ok-300");
        assertThat(checks).hasValue(3);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        VerifiedTokenCache cache = cache(16);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void itRemembersAtMostMaxEntriesTokens() {
        VerifiedTokenCache cache = cache(4);
        for (int i = 0; i < 10; i++) {
            cache.decode("ok-" + (300 + i));
            assertThat(cache.size()).isLessThanOrEqualTo(4);
        }
        checks.set(0);
        cache.decode("ok-309");
        assertThat(checks).as("the newest is still remembered").hasValue(0);
    }
}
