package nl.verzuimhub.server.security;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when tokens come from an external issuer ({@code hub.security.issuer-uri} is set). */
public class ExternalIssuerCondition extends EmbeddedAuthorizationServerCondition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !super.matches(context, metadata);
    }
}
