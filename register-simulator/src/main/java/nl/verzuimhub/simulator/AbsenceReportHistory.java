package nl.verzuimhub.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.ClosingReason;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.Reporter;

/**
 * The life of one absence report (Verzuimmelding): what the school reported, which stays the same, and per version
 * the status, closing reason, period, hours and days.
 */
record AbsenceReportHistory(AbsenceType type, boolean allLessonsMissed, String suspectedReason, String schoolAction,
                            boolean municipalActionRequested, Reporter reporter, LocalDate reportedOn,
                            List<Version> versions) implements RecordHistory {

    /** The changing part of an absence report at one step; hours, days and closing reason may be null. */
    record Version(Step step, ReportStatus status, ClosingReason closingReason, Period period, BigDecimal hours,
                   Integer days) implements Stepped {
    }

    AbsenceReportHistory {
        versions = Step.withinSchoolYear(versions);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.VERZUIMMELDING;
    }

    @Override
    public RegisterRecord stateAt(int index, String id, PupilSnapshot snapshot) {
        Version v = versions.get(index);
        return new AbsenceReport(id, index + 1, snapshot.pupil(), snapshot.enrolment(), type, v.period(), v.hours(),
                v.days(), allLessonsMissed, suspectedReason, schoolAction, municipalActionRequested, reporter,
                v.status(), v.closingReason(), reportedOn, v.step().at());
    }
}
