package nl.verzuimhub.server.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when the hub issues its own tokens: {@code hub.security.issuer-uri} is empty. Put
 * {@code @Conditional(EmbeddedAuthorizationServerCondition.class)} on every bean that only makes sense with the
 * embedded authorization server (its filter chain, its clients, its login pages).
 */
public class EmbeddedAuthorizationServerCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty("hub.security.issuer-uri"));
    }
}
