package nl.verzuimhub.core.record;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Vrijstelling: an exemption from compulsory education.
 *
 * <p>{@code grounds} is the municipality's text; for article 5 onder a it is medical or psychological
 * (special-category data). Nullable: lastEnrolment (a child never enrolled), grounds.
 */
public record Exemption(
        String id,
        int version,
        Pupil pupil,
        Enrolment lastEnrolment,
        ExemptionArticle article,
        Period period,
        boolean previouslyExempt,
        String grounds,
        ExemptionStatus status,
        OffsetDateTime lastChanged) implements RegisterRecord {

    public Exemption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pupil, "pupil");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastChanged, "lastChanged");
    }

    @Override
    public RecordKind kind() {
        return RecordKind.VRIJSTELLING;
    }

    @Override
    public Optional<Enrolment> school() {
        return Optional.ofNullable(lastEnrolment);
    }

    @Override
    public String toString() {
        return "Exemption(" + id + " v" + version + ")";
    }
}
