package nl.verzuimhub.simulator;

import java.util.List;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.SickReport;

/** The life of one sick report (Ziekmelding): per version its period (open while the pupil is still sick). */
record SickReportHistory(List<Version> versions) implements RecordHistory {

    /** The sick report at one step. */
    record Version(Step step, Period period) implements Stepped {
    }

    SickReportHistory {
        versions = Step.withinSchoolYear(versions);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.ZIEKMELDING;
    }

    @Override
    public RegisterRecord stateAt(int index, String id, PupilSnapshot snapshot) {
        Version v = versions.get(index);
        return new SickReport(id, index + 1, snapshot.pupil(), snapshot.enrolment(), v.period(), v.step().at());
    }
}
