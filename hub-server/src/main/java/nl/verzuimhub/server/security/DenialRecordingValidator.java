package nl.verzuimhub.server.security;

import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Runs the token checks that follow signature verification (expiry, issuer, audience) and, when they fail for a
 * token naming a client the hub knows, writes a denial to the audit log. The signature has been verified by then,
 * so the client id is not a forgery; a token whose signature fails never gets here and is only logged.
 */
final class DenialRecordingValidator implements OAuth2TokenValidator<Jwt> {
    private final OAuth2TokenValidator<Jwt> checks;
    private final DenialLog denials;
    private final RecipientDirectory directory;

    DenialRecordingValidator(OAuth2TokenValidator<Jwt> checks, DenialLog denials, RecipientDirectory directory) {
        this.checks = checks;
        this.denials = denials;
        this.directory = directory;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        OAuth2TokenValidatorResult result = checks.validate(token);
        if (result.hasErrors()) {
            String clientId = Callers.clientId(token);
            String reason = TokenRejection.classify(result.getErrors().iterator().next().getDescription()).reason();
            directory.find(clientId).ifPresent(recipient -> denials.deny(clientId, recipient, null, AuditChannel.API,
                    "token refused: " + reason));
        }
        return result;
    }
}
