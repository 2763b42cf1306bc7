package nl.verzuimhub.server.dashboard.login;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import nl.verzuimhub.server.dashboard.DashboardAudit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Web login for people, in two chains that sit before the API and catch-all chains:
 * <ol>
 *   <li>the authorization server's people login at {@code /login}: a form with username, password and TOTP code
 *       ({@link PersonAuthenticationProvider}); it keeps its session login under Spring's default key, where the
 *       authorization endpoint looks for it;</li>
 *   <li>the dashboard ({@code /dashboard/**}), an OAuth2 client of that authorization server (authorization code
 *       with PKCE); its own login is kept under a separate session key, so that only a completed OAuth2 login opens
 *       the dashboard. Only {@code ROLE_PRIVACY_OFFICER} gets in; anyone else gets 403 and a DENY audit entry.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {
    static final String DASHBOARD_CONTEXT_KEY = "VERZUIMHUB_DASHBOARD_SECURITY_CONTEXT";

    @Bean
    PeopleDirectory peopleDirectory(PeopleProperties properties, PasswordEncoder passwordEncoder) {
        return new PeopleDirectory(properties, passwordEncoder);
    }

    @Bean
    LoginGuard loginGuard(org.springframework.jdbc.core.JdbcTemplate jdbc, DashboardLoginProperties properties,
                          Clock clock) {
        return new LoginGuard(jdbc, properties.maxFailuresOrDefault(), properties.lockoutOrDefault(), clock);
    }

    @Bean
    DashboardClients dashboardClients(DashboardLoginProperties properties) {
        return new DashboardClients(properties);
    }

    @Bean
    DashboardClientRegistrations dashboardClientRegistrations(DashboardLoginProperties properties) {
        return new DashboardClientRegistrations(properties);
    }

    /** Runs before Spring Security's filters (order -100). */
    @Bean
    FilterRegistrationBean<LoopbackHostRedirect> loopbackHostRedirect(DashboardLoginProperties properties) {
        FilterRegistrationBean<LoopbackHostRedirect> registration = new FilterRegistrationBean<>(new LoopbackHostRedirect());
        registration.addUrlPatterns("/dashboard", "/dashboard/*");
        registration.setOrder(-101);
        registration.setEnabled(properties.issuerUri() == null || properties.issuerUri().isBlank());
        return registration;
    }

    @Bean
    @Order(0)
    SecurityFilterChain peopleLoginChain(HttpSecurity http, PeopleDirectory people, PasswordEncoder passwordEncoder,
                                         LoginGuard guard, DashboardAudit audit, Clock clock) throws Exception {
        http.securityMatcher("/login")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .authenticationProvider(new PersonAuthenticationProvider(people, passwordEncoder, guard,
                        person -> audit.loginLocked(person.username(), person.organisation(), person.role().name(),
                                guard.maxFailures(), guard.lockout()), clock))
                .formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(TotpAuthenticationDetails::new)
                        .defaultSuccessUrl("/dashboard")
                        .failureUrl("/login?error"));
        return http.build();
    }

    @Bean
    @Order(0)
    SecurityFilterChain dashboardChain(HttpSecurity http, DashboardClientRegistrations registrations,
                                       JwtDecoder jwtDecoder, PeopleDirectory people,
                                       AccessDeniedHandler dashboardAccessDenied) throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(DASHBOARD_CONTEXT_KEY);
        http.securityMatcher("/dashboard", "/dashboard/**", "/oauth2/authorization/**", "/login/oauth2/**")
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/dashboard/dashboard.css").permitAll()
                        // statistics and the partnership's page (issue F): any logged-in person; the controllers
                        // decide scope per organisation and role and record every refusal
                        .requestMatchers("/dashboard/statistics", "/dashboard/statistics/**", "/dashboard/partnership",
                                "/dashboard/partnership/", "/dashboard/partnerships/**").authenticated()
                        .requestMatchers("/dashboard", "/dashboard/**").hasRole("PRIVACY_OFFICER")
                        .anyRequest().permitAll())
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .loginPage("/oauth2/authorization/" + DashboardLoginProperties.CLIENT_ID)
                        .userInfoEndpoint(userInfo -> userInfo.userService(new DashboardUserService(jwtDecoder, people)))
                        .successHandler(landingPages()))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(dashboardAccessDenied))
                .logout(logout -> logout.logoutUrl("/dashboard/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /**
     * After the OAuth2 login every person lands on their own page: privacy officers (and anyone without a page of
     * their own) on the dashboard, a partnership's people on its page, a municipality's and a statistics recipient's
     * people on their statistics (issue F). The URL first asked for is lost on the way through the authorization
     * server's login, so it is not used.
     */
    private static org.springframework.security.web.authentication.AuthenticationSuccessHandler landingPages() {
        return (request, response, authentication) -> {
            String role = authentication.getAuthorities().stream().map(a -> a.getAuthority())
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).findFirst()
                    .orElse("");
            response.sendRedirect(request.getContextPath()
                    + nl.verzuimhub.server.statistics.PersonPages.landing(role));
        };
    }

    /** 403 as a short page, after the refusal is in the audit log. */
    @Bean
    AccessDeniedHandler dashboardAccessDenied(DashboardAudit audit) {
        return (request, response, exception) -> {
            audit.refused(request.getMethod() + " " + request.getRequestURI());
            response.setStatus(403);
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(("<!DOCTYPE html><html lang=\"nl\"><head><title>Geen toegang</title></head>"
                    + "<body><h1 id=\"forbidden\">403: geen toegang / no access</h1><p>Het dashboard is alleen voor"
                    + " de functionaris gegevensbescherming. The dashboard is for privacy officers only.</p>"
                    + "</body></html>").getBytes(StandardCharsets.UTF_8));
        };
    }
}
