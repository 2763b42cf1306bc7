package nl.verzuimhub.server.dashboard.login;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The authorization server's login page for people: username, password and the authenticator app's code. */
@Controller
class LoginController {
    @GetMapping("/login")
    String login() {
        return "dashboard/login";
    }
}
