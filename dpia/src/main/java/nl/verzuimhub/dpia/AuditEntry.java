package nl.verzuimhub.dpia;

import java.util.Objects;

/**
 * An event as stored in the log: numbered from 1 without gaps, and chained: {@code hash} is
 * {@link AuditChain#hash(byte[], long, AuditEvent)} of the previous entry's hash and this entry.
 */
public record AuditEntry(long id, AuditEvent event, byte[] previousHash, byte[] hash) {
    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
