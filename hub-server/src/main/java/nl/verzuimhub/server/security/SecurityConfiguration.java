package nl.verzuimhub.server.security;

import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.server.recipients.ClientRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.http.MediaType;

/**
 * Three filter chains: the authorization server's endpoints (only with the embedded server); the API (bearer tokens
 * only, stateless); and the rest (health, OpenAPI, the built-in register simulator open; anything else refused).
 *
 * <p>Every refusal is a problem+json body that names the failed check and nothing from the token; it is logged as an
 * application log line (client id, path, check: no personal data) and, when a client is identified, as a denial in
 * the audit log.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @Order(1)
    @Conditional(EmbeddedAuthorizationServerCondition.class)
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
                                 AccessDeniedHandler auditedAccessDenied, ClientRegistry registry,
                                 DenialLog denials, Callers callers, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**", "/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/audit/**").hasRole("PRIVACY_OFFICER")
                        .requestMatchers("/api/v1/policy/**").hasRole("PRIVACY_OFFICER")
                        // register connector (issue 4): quarantine, stop/resume and metrics are for operators
                        .requestMatchers("/api/v1/quarantine", "/api/v1/quarantine/**", "/api/v1/register/**",
                                "/actuator/prometheus").hasRole("OPERATOR")
                        .requestMatchers("/api/v1/dead-letters/**").hasRole("OPERATOR")
                        // issue F (f-rules): plausibility flags of V3/V4 reports, read-only
                        .requestMatchers("/api/v1/plausibility-flags").hasRole("OPERATOR")
                        // identity (issue E): client registry and signing keys are for operators
                        .requestMatchers("/api/v1/clients", "/api/v1/clients/**").hasRole("OPERATOR")
                        .requestMatchers("/api/v1/signing-keys", "/api/v1/signing-keys/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .addFilterAfter(new PurposeFilter(callers, denials, problems), BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new HubAuthenticationConverter(registry, denials)))
                        .authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler(auditedAccessDenied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler(auditedAccessDenied))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // Bearer-token calls only: no saved requests, no anonymous caller (a request without a token is
                // refused by the entry point), no logout, no servlet-API request wrapper. Each is a filter every API
                // request would pass through for nothing (issue G: the feed's fixed cost per request).
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable());
        return http.build();
    }

    /**
     * Spring Security's observations are off, so its filter chains are not wrapped filter by filter: the hub exports
     * no traces, and the wrapping cost every request (issue G).
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
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

    /**
     * 401 with a problem+json body and the bearer challenge; the detail names the failed check only. Callers without
     * a verifiable token are unknown, so only the application log has them (denials of known clients with a signed
     * but refused token are in the audit log: see {@link DenialRecordingValidator}, {@link HubAuthenticationConverter}).
     */
    @Bean
    AuthenticationEntryPoint problemEntryPoint(ProblemResponses problems) {
        return (request, response, exception) -> {
            TokenRejection rejection = request.getHeader("Authorization") == null ? TokenRejection.MISSING
                    : TokenRejection.classify(exception.getMessage());
            log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejection.reason());
            response.setHeader("WWW-Authenticate", rejection == TokenRejection.MISSING ? "Bearer"
                    : "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "a valid bearer token is required: " + rejection.reason());
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
                log.info("Refused {} {} for client {}: role not permitted", request.getMethod(),
                        request.getRequestURI(), Callers.clientId(jwt));
                denials.deny(Callers.clientId(jwt), callers.recipient(jwt).orElse(null), null, AuditChannel.API, reason);
            } else {
                log.info("Refused {} {} for a caller without a token", request.getMethod(), request.getRequestURI());
            }
            problems.write(request, response, HttpStatus.FORBIDDEN, "your role may not use this endpoint");
        };
    }
}
