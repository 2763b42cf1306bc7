package nl.verzuimhub.core.record;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One object of the register in its full current state at one version.
 *
 * <p>Identity is {@code (kind, id)}; {@code version} increases with every change, and a lower version never replaces
 * a higher one.
 */
public sealed interface RegisterRecord permits AbsenceReport, Exemption, SickReport, AbsoluteAbsence {
    RecordKind kind();

    String id();

    int version();

    Pupil pupil();

    /** The school the record is about: the current one, or for exemptions and absolute absence the last one. */
    Optional<Enrolment> school();

    Period period();

    OffsetDateTime lastChanged();
}
