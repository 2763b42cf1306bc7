package nl.verzuimhub.server.security;

import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Adds claims to access tokens of the embedded authorization server, after the hub's own ({@link HubClaims},
 * audience). Declare one as a bean instead of another {@code OAuth2TokenCustomizer} (the server takes only one):
 * e.g. the people login puts the signed-in person's organisation, role and purposes here.
 */
public interface AccessTokenClaimsContributor {
    void contribute(JwtEncodingContext context);
}
