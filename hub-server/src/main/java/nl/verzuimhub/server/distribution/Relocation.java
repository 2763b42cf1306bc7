package nl.verzuimhub.server.distribution;

import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.Pupil;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.SickReport;

/**
 * A copy of a record as if it showed the pupil's current residence and school: what a scope decision about an older
 * record must use once the pupil has moved. Returns a new record; the original is untouched.
 */
final class Relocation {
    private Relocation() {
    }

    /**
     * @param school the pupil's current school, or null when unknown; it replaces the record's school only when the
     *               record names one
     */
    static RegisterRecord of(RegisterRecord record, String municipality, String postcode, Enrolment school) {
        Pupil pupil = new Pupil(record.pupil().identifier(), record.pupil().birthDate(), municipality, postcode);
        Enrolment enrolment = record.school().isPresent() && school != null ? school : record.school().orElse(null);
        if (record instanceof AbsenceReport r) {
            return new AbsenceReport(r.id(), r.version(), pupil, enrolment, r.absenceType(), r.period(), r.hours(),
                    r.days(), r.allLessonsMissed(), r.suspectedReason(), r.schoolAction(), r.municipalActionRequested(),
                    r.reporter(), r.status(), r.closingReason(), r.reportedOn(), r.lastChanged());
        }
        if (record instanceof Exemption e) {
            return new Exemption(e.id(), e.version(), pupil, enrolment, e.article(), e.period(), e.previouslyExempt(),
                    e.grounds(), e.status(), e.lastChanged());
        }
        if (record instanceof SickReport s) {
            return new SickReport(s.id(), s.version(), pupil, enrolment, s.period(), s.lastChanged());
        }
        AbsoluteAbsence a = (AbsoluteAbsence) record;
        return new AbsoluteAbsence(a.id(), a.version(), pupil, enrolment, a.period(), a.status(), a.lastChanged());
    }
}
