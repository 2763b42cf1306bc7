package nl.verzuimhub.dpia;

import java.util.Objects;

/**
 * An event as stored in the log: numbered from 1 without gaps, and chained: {@code hash} is
 * {@link AuditChain#hash(int, byte[], long, AuditEvent)} in hash format {@code format} of the previous entry's hash
 * and this entry.
 *
 * @param format the canonical form the hash was computed over: 1 (entries written before trace ids and users were
 *               recorded) or 2 (everything since); see {@link AuditChain}
 */
public record AuditEntry(long id, AuditEvent event, byte[] previousHash, byte[] hash, int format) {
    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (format != 1 && format != AuditChain.CURRENT_FORMAT) {
            throw new IllegalArgumentException("unknown audit hash format " + format);
        }
    }

    /** An entry in the current hash format. */
    public AuditEntry(long id, AuditEvent event, byte[] previousHash, byte[] hash) {
        this(id, event, previousHash, hash, AuditChain.CURRENT_FORMAT);
    }
}
