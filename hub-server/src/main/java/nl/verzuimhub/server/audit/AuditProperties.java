package nl.verzuimhub.server.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param subjectKey         base64, at least 32 bytes: the HMAC key that turns a BSN or onderwijsnummer into the
 *                           audit log's subject hash. Changing it makes earlier entries unsearchable by BSN: follow
 *                           the rotation procedure in docs/architecture.md
 * @param checkpointKey      base64 PKCS#8 Ed25519 private key that signs checkpoints of the chain head
 * @param checkpointKeyId    name of that key, recorded with every checkpoint (rotate keys under a new id)
 * @param checkpointInterval how often the chain head is signed when it moved (default 5 minutes)
 * @param partitionsAhead    how many months of audit_entry partitions to keep created ahead (default 3)
 */
@ConfigurationProperties("hub.audit")
public record AuditProperties(String subjectKey, String checkpointKey, String checkpointKeyId,
                              Duration checkpointInterval, Integer partitionsAhead) {
    public AuditProperties {
        checkpointKeyId = checkpointKeyId == null || checkpointKeyId.isBlank() ? "checkpoint-1" : checkpointKeyId;
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(5) : checkpointInterval;
        partitionsAhead = partitionsAhead == null ? 3 : partitionsAhead;
    }
}
