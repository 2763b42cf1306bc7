package nl.verzuimhub.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Makes JWTs as an attacker or a misconfigured issuer would: signed with a given key, claims as asked. */
final class TokenForge {
    private TokenForge() {
    }

    /** A token like the embedded server's for {@code leerplicht-0363}, changed by {@code change}. */
    static JWTClaimsSet.Builder leerplichtClaims(String issuer) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("leerplicht-0363").audience("verzuimhub")
                .claim("client_id", "leerplicht-0363").claim("organisation", "0363")
                .claim("organisation_type", "MUNICIPALITY").claim("role", "ATTENDANCE_OFFICER")
                .claim("purposes", List.of("leerplicht")).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    static String sign(RSAKey key, JWTClaimsSet.Builder claims, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    change.apply(claims).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey foreignKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
