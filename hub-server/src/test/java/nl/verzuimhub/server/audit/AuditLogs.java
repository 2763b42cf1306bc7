package nl.verzuimhub.server.audit;

import javax.sql.DataSource;
import nl.verzuimhub.policies.PolicyEngine;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The hub's {@link AuditLog} on a given database, for tests that assemble an instance's parts without Spring. */
public final class AuditLogs {
    private AuditLogs() {
    }

    public static AuditLog on(DataSource dataSource, PolicyEngine engine) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("policyEngine", engine);
        return new AuditLog(dataSource, beans.getBeanProvider(PolicyEngine.class));
    }
}
