package nl.verzuimhub.server.security;

import java.util.Base64;

/** Reads secret keys from configuration, with a start-up error that names the setting when one is missing or weak. */
public final class Keys {
    private Keys() {
    }

    /** Decodes a base64 key of at least 32 bytes, or stops the start-up naming {@code property}. */
    public static byte[] decode(String property, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(property + " is not set: give a base64 key of at least 32 bytes"
                    + " (e.g. `openssl rand -base64 32`); the demo profile sets one for trying the hub out");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64", e);
        }
        if (key.length < 32) {
            throw new IllegalStateException(property + " is " + key.length + " bytes; at least 32 are needed");
        }
        return key;
    }
}
