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
    /** One version of a planned object: the step that produced it. */
    interface Stepped {
        Step step();
    }

    RecordKind kind();

    /** The object's versions in order, one per step; empty when every planned step fell after the school year. */
    List<? extends Stepped> versions();

    /** The steps of {@link #versions()}, in order. */
    default List<Step> steps() {
        return versions().stream().map(Stepped::step).toList();
    }

    /**
     * The object at step {@code index} (version {@code index + 1}), whose {@code lastChanged} is that step's time.
     */
    RegisterRecord stateAt(int index, String id, PupilSnapshot snapshot);
}
