package nl.verzuimhub.simulator;

import java.util.List;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;

/**
 * The planned life of one register object within the school year: its steps, strictly increasing in time, the first
 * {@code NIEUW}; and its full state at each step. The object's id and the pupil's circumstances at the time (which
 * change when the pupil moves or changes school) are supplied when the state is built.
 */
interface RecordHistory {
    RecordKind kind();

    /** Never empty. */
    List<Step> steps();

    /**
     * The object at step {@code index} (version {@code index + 1}), whose {@code lastChanged} is that step's time.
     */
    RegisterRecord stateAt(int index, String id, PupilSnapshot snapshot);
}
