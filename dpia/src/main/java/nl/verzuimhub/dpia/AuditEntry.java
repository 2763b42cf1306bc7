package nl.verzuimhub.dpia;

import java.util.Objects;

/**
 * An event as stored in the log: numbered from 1 without gaps, and chained: {@code hash} is
 * {@link AuditChain#hash(int, byte[], long, AuditEvent)} in hash format {@code format} of the previous entry's hash
 * and this entry.
 *
 * @param format the canonical form the hash was computed over: 1 (entries written before trace ids and users were
 *               recorded), 2 (everything since) or 3 (an entry with items: a feed page, a push entry); see
 *               {@link AuditChain}
 */
public record AuditEntry(long id, AuditEvent event, byte[] previousHash, byte[] hash, int format) {
    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (!AuditChain.isKnownFormat(format)) {
            throw new IllegalArgumentException("unknown audit hash format " + format);
        }
    }

    /** An entry in the format its event is appended in ({@link AuditEvent#appendFormat()}). */
    public AuditEntry(long id, AuditEvent event, byte[] previousHash, byte[] hash) {
        this(id, event, previousHash, hash, event.appendFormat());
    }
}
