package nl.verzuimhub.server.dashboard.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a browser that opened the dashboard as {@code localhost} to {@code 127.0.0.1}: the embedded authorization
 * server accepts loopback redirect URIs only by IP (RFC 8252 advises against "localhost"), and the login must stay
 * on one host for its session. Only active while the dashboard uses the embedded server.
 */
final class LoopbackHostRedirect extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("localhost".equalsIgnoreCase(request.getServerName()) && "GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            response.sendRedirect(request.getScheme() + "://127.0.0.1:" + request.getServerPort()
                    + request.getRequestURI() + (query == null ? "" : "?" + query));
            return;
        }
        chain.doFilter(request, response);
    }
}
