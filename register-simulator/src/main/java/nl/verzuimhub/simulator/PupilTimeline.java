package nl.verzuimhub.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A pupil's circumstances over the year: as in their profile until {@code changeAt}, and from that instant on as in
 * {@code after} (a move to another municipality, or a change of school). Without a change both are the same.
 */
final class PupilTimeline {
    private final PupilSnapshot before;
    private final PupilSnapshot after;
    private final Instant changeAt;

    private PupilTimeline(PupilSnapshot before, PupilSnapshot after, Instant changeAt) {
        this.before = before;
        this.after = after;
        this.changeAt = changeAt;
    }

    static PupilTimeline unchanged(PupilProfile profile) {
        PupilSnapshot only = new PupilSnapshot(profile.pupil(), profile.enrolment());
        return new PupilTimeline(only, only, Instant.MAX);
    }

    /** From {@code at} on the pupil is as in {@code changed}. */
    static PupilTimeline changing(PupilProfile profile, OffsetDateTime at, PupilProfile changed) {
        return new PupilTimeline(new PupilSnapshot(profile.pupil(), profile.enrolment()),
                new PupilSnapshot(changed.pupil(), changed.enrolment()), Objects.requireNonNull(at).toInstant());
    }

    PupilSnapshot at(OffsetDateTime moment) {
        return moment.toInstant().isBefore(changeAt) ? before : after;
    }
}
