package nl.verzuimhub.server.audit;

import nl.verzuimhub.dpia.Ed25519Keys;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.server.security.Keys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {
    @Bean
    SubjectHasher subjectHasher(AuditProperties properties) {
        return new SubjectHasher(Keys.decode("hub.audit.subject-key", properties.subjectKey()));
    }

    @Bean
    CheckpointSigner checkpointSigner(AuditProperties properties) {
        if (properties.checkpointKey() == null || properties.checkpointKey().isBlank()) {
            throw new IllegalStateException("hub.audit.checkpoint-key is required: a base64 PKCS#8 Ed25519 private key"
                    + " (see docs/architecture.md, 'Checkpoints'); the demo profile sets one");
        }
        try {
            return new CheckpointSigner(Ed25519Keys.privateKey(properties.checkpointKey()), properties.checkpointKeyId());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hub.audit.checkpoint-key is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }
}
