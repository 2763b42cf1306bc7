package nl.verzuimhub.simulator;

import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Pupil;

/** A pupil as the register describes them at one moment: identity and residence, and the school they attend. */
record PupilSnapshot(Pupil pupil, Enrolment enrolment) {
}
