package nl.verzuimhub.server.dashboard.login;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The login form's extra field: the TOTP code ({@code code}), next to username and password. */
public final class TotpAuthenticationDetails extends WebAuthenticationDetails {
    private final String code;

    TotpAuthenticationDetails(HttpServletRequest request) {
        super(request);
        String submitted = request.getParameter("code");
        this.code = submitted == null ? null : submitted.replace(" ", "").trim();
    }

    public String code() {
        return code;
    }
}
