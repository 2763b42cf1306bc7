package nl.verzuimhub.server.audit;

import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.server.security.Keys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {
    @Bean
    SubjectHasher subjectHasher(AuditProperties properties) {
        return new SubjectHasher(Keys.decode("hub.audit.subject-key", properties.subjectKey()));
    }
}
