package nl.verzuimhub.server.dashboard.login;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Who logged in to the dashboard: the subject of the access token the authorization server issued (its signature
 * checked with the hub's {@link JwtDecoder}), with the role from the token's {@code role} claim when the issuer
 * sets one (Keycloak's mapper), otherwise from the people directory. Authorities: {@code ROLE_<role>}.
 */
final class DashboardUserService implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {
    static final String ROLE = "role";
    static final String ORGANISATION = "organisation";

    private final JwtDecoder decoder;
    private final PeopleDirectory people;

    DashboardUserService(JwtDecoder decoder, PeopleDirectory people) {
        this.decoder = decoder;
        this.people = people;
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) throws OAuth2AuthenticationException {
        Jwt token;
        try {
            token = decoder.decode(request.getAccessToken().getTokenValue());
        } catch (JwtException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "the access token does not verify",
                    null), e);
        }
        String username = token.getSubject();
        var person = people.find(username);
        String role = token.getClaimAsString(ROLE);
        if (role == null) {
            role = person.map(p -> p.role().name()).orElse("NONE");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("sub", username);
        attributes.put(ROLE, role);
        String organisation = token.getClaimAsString(ORGANISATION);
        attributes.put(ORGANISATION, organisation != null ? organisation
                : person.map(PeopleDirectory.Person::organisation).orElse(""));
        return new DefaultOAuth2User(List.of(new SimpleGrantedAuthority("ROLE_" + role)), attributes, "sub");
    }
}
