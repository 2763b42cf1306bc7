package nl.verzuimhub.core.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Verzuimmelding: an absence report a school filed with the register.
 *
 * <p>{@code suspectedReason} and {@code schoolAction} are the school's free text and may hold health or family
 * details (special-category data). Nullable: hours, days, suspectedReason, schoolAction, closingReason.
 */
public record AbsenceReport(
        String id,
        int version,
        Pupil pupil,
        Enrolment enrolment,
        AbsenceType absenceType,
        Period period,
        BigDecimal hours,
        Integer days,
        boolean allLessonsMissed,
        String suspectedReason,
        String schoolAction,
        boolean municipalActionRequested,
        Reporter reporter,
        ReportStatus status,
        ClosingReason closingReason,
        LocalDate reportedOn,
        OffsetDateTime lastChanged) implements RegisterRecord {

    public AbsenceReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pupil, "pupil");
        Objects.requireNonNull(enrolment, "enrolment");
        Objects.requireNonNull(absenceType, "absenceType");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reportedOn, "reportedOn");
        Objects.requireNonNull(lastChanged, "lastChanged");
    }

    @Override
    public RecordKind kind() {
        return RecordKind.VERZUIMMELDING;
    }

    @Override
    public Optional<Enrolment> school() {
        return Optional.of(enrolment);
    }

    @Override
    public String toString() {
        return "AbsenceReport(" + id + " v" + version + ")";
    }
}
