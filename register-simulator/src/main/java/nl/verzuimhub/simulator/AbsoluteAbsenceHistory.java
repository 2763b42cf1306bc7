package nl.verzuimhub.simulator;

import java.util.List;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.ReportStatus;

/**
 * The life of one absolute-absence signal (AbsoluutVerzuim): whether the last school is known stays the same; per
 * version the period and status.
 */
record AbsoluteAbsenceHistory(boolean withLastEnrolment, List<Version> versions) implements RecordHistory {

    /** The signal at one step. */
    record Version(Step step, Period period, ReportStatus status) implements Stepped {
    }

    AbsoluteAbsenceHistory {
        versions = Step.withinSchoolYear(versions);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.ABSOLUUT_VERZUIM;
    }

    @Override
    public RegisterRecord stateAt(int index, String id, PupilSnapshot snapshot) {
        Version v = versions.get(index);
        return new AbsoluteAbsence(id, index + 1, snapshot.pupil(), withLastEnrolment ? snapshot.enrolment() : null,
                v.period(), v.status(), v.step().at());
    }
}
