package nl.verzuimhub.server.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param subjectKey base64, at least 32 bytes: the HMAC key that turns a BSN or onderwijsnummer into the audit log's
 *                   subject hash. Changing it makes earlier entries unsearchable by BSN until they are re-keyed.
 */
@ConfigurationProperties("hub.audit")
public record AuditProperties(String subjectKey) {
}
