package nl.verzuimhub.server.dashboard;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.user.OAuth2User;

/** The person logged in to the dashboard, as the audit entries name them. */
public record DashboardUser(String username, String role, String organisation) {
    static final DashboardUser UNKNOWN = new DashboardUser("unknown", null, null);

    /** From the current security context; {@link #UNKNOWN} outside a dashboard login. */
    public static DashboardUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OAuth2User user)) {
            return authentication == null ? UNKNOWN : new DashboardUser(authentication.getName(), null, null);
        }
        String organisation = user.getAttribute("organisation");
        return new DashboardUser(user.getName(), user.getAttribute("role"),
                organisation == null || organisation.isBlank() ? null : organisation);
    }
}
