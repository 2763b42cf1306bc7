package nl.verzuimhub.server.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** The embedded PostgreSQL runs unless switched off or an external database ({@code spring.datasource.url}) is set. */
class EmbeddedPostgresCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        boolean enabled = environment.getProperty("hub.embedded-postgres.enabled", Boolean.class, true);
        return enabled && !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }
}
