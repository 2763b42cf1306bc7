package nl.verzuimhub.core.record;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One change the register published: its place in the register's feed ({@code sequence}, the volgnummer), what
 * happened, when, and the object's full state after it.
 */
public record Mutation(long sequence, MutationAction action, OffsetDateTime occurredAt, RegisterRecord record) {
    public Mutation {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(record, "record");
    }
}
