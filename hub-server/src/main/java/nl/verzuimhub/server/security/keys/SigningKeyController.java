package nl.verzuimhub.server.security.keys;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import nl.verzuimhub.server.security.EmbeddedAuthorizationServerCondition;
import nl.verzuimhub.server.security.SecurityProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** On-demand key rotation for operators (role OPERATOR, enforced by the security chain); embedded server only. */
@RestController
@Conditional(EmbeddedAuthorizationServerCondition.class)
class SigningKeyController {
    private final SigningKeys keys;
    private final SecurityProperties properties;

    SigningKeyController(SigningKeys keys, SecurityProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    record KeyView(String keyId, Instant createdAt, Instant retireAt, boolean signing) {
    }

    @Operation(summary = "List the token signing keys", description = "Public facts only: id, age, end of overlap.")
    @GetMapping("/api/v1/signing-keys")
    List<KeyView> list() {
        List<SigningKey> active = keys.verificationKeys();
        return active.stream().map(k -> new KeyView(k.keyId(), k.createdAt(), k.retireAt(), k == active.get(0)))
                .toList();
    }

    @Operation(summary = "Rotate now", description = "A new key signs at once; older keys verify until the overlap"
            + " (hub.security.signing-keys.overlap) ends.")
    @PostMapping("/api/v1/signing-keys/rotate")
    KeyView rotate() {
        String kid = keys.rotate(properties.signingKeys().overlap());
        return list().stream().filter(k -> k.keyId().equals(kid)).findFirst().orElseThrow();
    }

    @Operation(summary = "Retire a replaced key now", description = "Tokens it signed are refused from now on.")
    @PostMapping("/api/v1/signing-keys/{keyId}/retire")
    List<KeyView> retire(@PathVariable String keyId) {
        if (!keys.retireNow(keyId)) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "key '" + keyId + "' is unknown, already retired, or the current signing key"), null);
        }
        return list();
    }
}
