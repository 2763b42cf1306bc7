package nl.verzuimhub.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.AuditChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The purpose a request is made under, checked before any controller runs. A request names it with the query
 * parameter {@code purpose} or the header {@value #HEADER} (the same value if both), or through its token's
 * {@code purpose:<id>} scope. A named purpose outside the client's set (hub settings, token claim and token scopes)
 * is refused: 403 problem+json, and a denial in the audit log. A header-named purpose reaches the controllers as the
 * {@code purpose} parameter. A request that names none keeps the endpoint's own default.
 */
final class PurposeFilter extends OncePerRequestFilter {
    static final String HEADER = "Verzuimhub-Purpose";
    private static final Logger log = LoggerFactory.getLogger(PurposeFilter.class);

    private final Callers callers;
    private final DenialLog denials;
    private final ProblemResponses problems;

    PurposeFilter(Callers callers, DenialLog denials, ProblemResponses problems) {
        this.callers = callers;
        this.denials = denials;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String fromParameter = request.getParameter("purpose");
        String fromHeader = request.getHeader(HEADER);
        if (fromParameter != null && fromHeader != null && !fromParameter.equals(fromHeader)) {
            problems.write(request, response, HttpStatus.BAD_REQUEST,
                    "the purpose parameter and the " + HEADER + " header name different purposes");
            return;
        }
        String named = fromParameter != null ? fromParameter : fromHeader;
        if (named != null && SecurityContextHolder.getContext().getAuthentication()
                instanceof JwtAuthenticationToken authentication) {
            Optional<Recipient> recipient = callers.recipient(authentication.getToken());
            if (recipient.isPresent() && !recipient.get().purposes().contains(named)) {
                String clientId = recipient.get().clientId();
                log.info("Refused {} {} for client {}: purpose not granted", request.getMethod(),
                        request.getRequestURI(), clientId);
                denials.deny(clientId, recipient.get(), named, AuditChannel.API,
                        request.getMethod() + " " + request.getRequestURI() + " refused: purpose not granted");
                problems.write(request, response, HttpStatus.FORBIDDEN, "this client may not act under the purpose"
                        + " it named");
                return;
            }
        }
        chain.doFilter(fromParameter == null && fromHeader != null ? withPurposeParameter(request, fromHeader)
                : request, response);
    }

    private static HttpServletRequest withPurposeParameter(HttpServletRequest request, String purpose) {
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        parameters.put("purpose", new String[] {purpose});
        Map<String, String[]> view = Collections.unmodifiableMap(parameters);
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = view.get(name);
                return values == null || values.length == 0 ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return view;
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(List.copyOf(view.keySet()));
            }

            @Override
            public String[] getParameterValues(String name) {
                return view.get(name);
            }
        };
    }
}
