package nl.verzuimhub.simulator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.verzuimhub.core.record.MutationAction;

/** One planned change to a register object: when (local time with offset) and what the register did. */
record Step(OffsetDateTime at, MutationAction action) {
    Step {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
    }

    /**
     * The leading versions that fall within the register's school year, checking that their steps strictly
     * increase in time, start with {@code NIEUW} and never follow a withdrawal.
     */
    static <V extends RecordHistory.Stepped> List<V> withinSchoolYear(List<V> versions) {
        List<V> kept = new ArrayList<>();
        Step previous = null;
        for (V version : versions) {
            Step step = version.step();
            if (step.at().toLocalDate().isAfter(SimulatorCalendar.LAST_DAY)) {
                break;
            }
            if (previous == null ? step.action() != MutationAction.NIEUW
                    : step.action() == MutationAction.NIEUW || !step.at().isAfter(previous.at())
                    || previous.action() == MutationAction.INGETROKKEN) {
                throw new IllegalStateException("inconsistent plan: " + previous + " then " + step);
            }
            kept.add(version);
            previous = step;
        }
        return List.copyOf(kept);
    }
}
