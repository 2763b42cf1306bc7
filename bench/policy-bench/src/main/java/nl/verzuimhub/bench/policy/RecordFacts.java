package nl.verzuimhub.bench.policy;

import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.SickReport;
import nl.verzuimhub.policies.Ages;
import nl.verzuimhub.policies.DecisionFacts;
import nl.verzuimhub.policies.MazlCriterion;

/**
 * The record attributes the jCasbin and Cedar rules test beyond the record's own codes, computed per call with the
 * hub's own public functions from the same inputs the hub engine gets: whether the M@ZL criterion holds (sick reports
 * only; {@link MazlCriterion#holds(SickReport, DecisionFacts)}, as the engine calls it, on the same {@link DecisionFacts}), and for absence reports the verzuimsoort and
 * the pupil's age at the start of the period (the RMC rule's scope). The hub engine computes the same inside
 * {@code decide}, and only when a rule asks for it.
 */
final class RecordFacts {
    private RecordFacts() {
    }

    static boolean mazl(RegisterRecord record, DecisionFacts facts) {
        if (!(record instanceof SickReport)) {
            return false;
        }
        return MazlCriterion.holds((SickReport) record, facts);
    }

    /** The verzuimsoort of an absence report, or null for any other record. */
    static String absenceType(RegisterRecord record) {
        return record instanceof AbsenceReport ? ((AbsenceReport) record).absenceType().name() : null;
    }

    static int age(RegisterRecord record) {
        return Ages.at(record.pupil().birthDate(), record.period().start());
    }
}
