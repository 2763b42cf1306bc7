package nl.verzuimhub.simulator;

import java.util.List;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;

/**
 * The life of one exemption (Vrijstelling): article, grounds and whether the last school is recorded stay the same;
 * per version the period and status.
 */
record ExemptionHistory(ExemptionArticle article, boolean withLastEnrolment, boolean previouslyExempt, String grounds,
                        List<Version> versions) implements RecordHistory {

    /** The changing part of an exemption at one step. */
    record Version(Step step, Period period, ExemptionStatus status) implements Stepped {
    }

    ExemptionHistory {
        versions = Step.withinSchoolYear(versions);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.VRIJSTELLING;
    }

    @Override
    public RegisterRecord stateAt(int index, String id, PupilSnapshot snapshot) {
        Version v = versions.get(index);
        return new Exemption(id, index + 1, snapshot.pupil(), withLastEnrolment ? snapshot.enrolment() : null, article,
                v.period(), previouslyExempt, grounds, v.status(), v.step().at());
    }
}
