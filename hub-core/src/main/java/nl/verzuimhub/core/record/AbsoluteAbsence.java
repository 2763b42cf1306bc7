package nl.verzuimhub.core.record;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * AbsoluutVerzuim: a compulsory-age child registered in a municipality but enrolled nowhere and not exempt.
 * Detected by the register itself. Nullable: lastEnrolment.
 */
public record AbsoluteAbsence(String id, int version, Pupil pupil, Enrolment lastEnrolment, Period period,
                              ReportStatus status, OffsetDateTime lastChanged) implements RegisterRecord {

    public AbsoluteAbsence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pupil, "pupil");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastChanged, "lastChanged");
    }

    @Override
    public RecordKind kind() {
        return RecordKind.ABSOLUUT_VERZUIM;
    }

    @Override
    public Optional<Enrolment> school() {
        return Optional.ofNullable(lastEnrolment);
    }

    @Override
    public String toString() {
        return "AbsoluteAbsence(" + id + " v" + version + ")";
    }
}
