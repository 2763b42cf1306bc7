package nl.verzuimhub.server.security;

import nl.verzuimhub.dpia.AuditChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.http.MediaType;

/**
 * Three filter chains: the authorization server's endpoints; the API (bearer tokens only, stateless); and the
 * rest (health, OpenAPI, the built-in register simulator open; anything else refused).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // A person's browser without a login goes to the people login page (dashboard, issue D).
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationEntryPoint problemEntryPoint,
                                 AccessDeniedHandler auditedAccessDenied) throws Exception {
        http.securityMatcher("/api/**", "/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/audit/**").hasRole("PRIVACY_OFFICER")
                        .requestMatchers("/api/v1/policy/**").hasRole("PRIVACY_OFFICER")
                        // register connector (issue 4): quarantine, stop/resume and metrics are for operators
                        .requestMatchers("/api/v1/quarantine", "/api/v1/quarantine/**", "/api/v1/register/**",
                                "/actuator/prometheus").hasRole("OPERATOR")
                        .requestMatchers("/api/v1/dead-letters/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roleFromClaim()))
                        .authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler(auditedAccessDenied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler(auditedAccessDenied))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain openChain(HttpSecurity http, AuthenticationEntryPoint problemEntryPoint) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/simulator/**", "/error").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problemEntryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** 401 with a problem+json body and the bearer challenge. Unauthenticated callers are not audited: unknown. */
    @Bean
    AuthenticationEntryPoint problemEntryPoint(ProblemResponses problems) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "a valid bearer token is required: " + exception.getMessage());
        };
    }

    /** 403 with a problem+json body, after the refusal is in the audit log. */
    @Bean
    AccessDeniedHandler auditedAccessDenied(ProblemResponses problems, DenialLog denials, Callers callers) {
        return (request, response, exception) -> {
            String reason = request.getMethod() + " " + request.getRequestURI() + " refused: role not permitted";
            var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            if (authentication instanceof JwtAuthenticationToken token) {
                Jwt jwt = token.getToken();
                denials.deny(Callers.clientId(jwt), callers.recipient(jwt).orElse(null), null, AuditChannel.API, reason);
            } else {
                log.info("Refused {} {} for a caller without a token", request.getMethod(), request.getRequestURI());
            }
            problems.write(request, response, HttpStatus.FORBIDDEN, "your role may not use this endpoint");
        };
    }

    private static JwtAuthenticationConverter roleFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(HubClaims.ROLE);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
