package nl.verzuimhub.server.recipients;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import nl.verzuimhub.core.recipient.Organisation;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.server.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clients registered at runtime, for the hub's operators (role OPERATOR, enforced by the security chain):
 * list, register (the secret is returned once), revoke.
 */
@RestController
class ClientController {
    private final ClientRegistry registry;

    ClientController(ClientRegistry registry) {
        this.registry = registry;
    }

    record NewClient(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,62}") String clientId,
                     @NotNull OrganisationType organisationType, @NotBlank String organisationCode,
                     @NotBlank String organisationName, @NotNull RecipientRole role, List<String> purposes) {
    }

    record ClientView(String clientId, OrganisationType organisationType, String organisationCode,
                      String organisationName, RecipientRole role, List<String> purposes, String source,
                      boolean revoked) {
        static ClientView of(ClientRegistration registration) {
            Recipient r = registration.recipient();
            return new ClientView(r.clientId(), r.organisation().type(), r.organisation().code(),
                    r.organisation().name(), r.role(), r.purposes(), registration.source().name(),
                    registration.revoked());
        }
    }

    record RegisteredClientView(ClientView client, String clientSecret) {
    }

    @Operation(summary = "List the hub's clients", description = "Without secrets (only their hashes are stored).")
    @GetMapping("/api/v1/clients")
    List<ClientView> list() {
        return registry.all().stream().map(ClientView::of).toList();
    }

    @Operation(summary = "Register a client", description = "Returns the client secret once; the hub keeps a hash.")
    @PostMapping("/api/v1/clients")
    ResponseEntity<RegisteredClientView> register(@Valid @RequestBody NewClient request) {
        Recipient recipient = new Recipient(request.clientId(), new Organisation(request.organisationType(),
                request.organisationCode(), request.organisationName()), request.role(),
                request.purposes() == null ? List.of() : request.purposes());
        try {
            ClientRegistry.Registered registered = registry.register(recipient);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new RegisteredClientView(ClientView.of(registered.registration()), registered.secret()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @Operation(summary = "Revoke a client", description = "No new tokens; its existing tokens are refused at once.")
    @PostMapping("/api/v1/clients/{clientId}/revoke")
    ResponseEntity<Void> revoke(@PathVariable String clientId) {
        if (registry.find(clientId).isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no client '" + clientId + "'"), null);
        }
        registry.revoke(clientId);
        return ResponseEntity.noContent().build();
    }
}
