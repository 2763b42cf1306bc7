package nl.verzuimhub.server.security;

import java.util.Locale;

/**
 * Why a bearer token was refused, in words that carry nothing from the token itself: the problem+json detail and
 * the log line say which check failed, never a claim value or the library's message.
 */
enum TokenRejection {
    MISSING("no bearer token"),
    EXPIRED("the token has expired or is not valid yet"),
    WRONG_ISSUER("the token is not from the issuer this hub trusts"),
    WRONG_AUDIENCE("the token is not meant for this hub (audience)"),
    BAD_SIGNATURE("the token's signature does not verify against the issuer's keys"),
    REVOKED("the token's client has been revoked"),
    CLAIMS_DISAGREE("the token's role does not match the hub's settings for its client"),
    MALFORMED("the token is not a well-formed JWT"),
    INVALID("the bearer token is not valid");

    private final String reason;

    TokenRejection(String reason) {
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    /** Classifies a Spring Security / Nimbus message; the message itself is never shown to the caller. */
    static TokenRejection classify(String message) {
        if (message == null) {
            return INVALID;
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains(REVOKED.reason)) {
            return REVOKED;
        }
        if (m.contains(CLAIMS_DISAGREE.reason)) {
            return CLAIMS_DISAGREE;
        }
        if (m.contains("full authentication is required") || m.contains("not found in request")) {
            return MISSING;
        }
        if (m.contains("expired") || m.contains("used before")) {
            return EXPIRED;
        }
        if (m.contains("iss claim")) {
            return WRONG_ISSUER;
        }
        if (m.contains("aud claim")) {
            return WRONG_AUDIENCE;
        }
        if (m.contains("signature") || m.contains("no matching key") || m.contains("signed jwt rejected")) {
            return BAD_SIGNATURE;
        }
        if (m.contains("malformed") || m.contains("serialization") || m.contains("invalid jwt") || m.contains("parse")) {
            return MALFORMED;
        }
        return INVALID;
    }
}
