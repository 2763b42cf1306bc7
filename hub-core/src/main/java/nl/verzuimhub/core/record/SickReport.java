package nl.verzuimhub.core.record;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** Ziekmelding: a sick report (authorised absence). Health data by nature. */
public record SickReport(String id, int version, Pupil pupil, Enrolment enrolment, Period period,
                         OffsetDateTime lastChanged) implements RegisterRecord {

    public SickReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pupil, "pupil");
        Objects.requireNonNull(enrolment, "enrolment");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(lastChanged, "lastChanged");
    }

    @Override
    public RecordKind kind() {
        return RecordKind.ZIEKMELDING;
    }

    @Override
    public Optional<Enrolment> school() {
        return Optional.of(enrolment);
    }

    @Override
    public String toString() {
        return "SickReport(" + id + " v" + version + ")";
    }
}
