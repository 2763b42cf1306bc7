package nl.verzuimhub.simulator;

/**
 * One register object as planned for one pupil: the pupil's index and the object's ordinal among that pupil's
 * objects (a stable tie-break when two changes share a timestamp), its history, and the pupil's timeline.
 */
record PlannedHistory(int pupilIndex, int ordinal, RecordHistory history, PupilTimeline timeline) {
}
