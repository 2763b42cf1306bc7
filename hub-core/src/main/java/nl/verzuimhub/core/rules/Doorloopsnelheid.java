package nl.verzuimhub.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Doorloopsnelheid (time to resolution): the mean and median number of days from the start of an LRV or
 * absolute-absence episode to its end, over the episodes closed in a period; the episodes still open on the reference
 * date are reported separately, measured up to it.
 *
 * <p>Days are calendar days with start and end both counted ({@link Episode#durationDays}). An episode open on the
 * reference date is open even if its recorded end lies after it (an end in the future is not yet an end); an
 * episode that ends on the reference date is closed.
 */
public final class Doorloopsnelheid {
    private Doorloopsnelheid() {
    }

    /**
     * @param episodes  the episodes to consider (see {@link Episodes#from})
     * @param from      first day of the period
     * @param to        last day of the period, inclusive; episodes ending after it are not closed in the period
     * @param reference the day open episodes are measured up to (usually {@code to}, or today within a running year)
     */
    public static DoorloopsnelheidReport measure(List<Episode> episodes, LocalDate from, LocalDate to,
                                                 LocalDate reference) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " to " + to);
        }
        Map<EpisodeKind, List<Long>> closed = new EnumMap<>(EpisodeKind.class);
        Map<EpisodeKind, List<Long>> open = new EnumMap<>(EpisodeKind.class);
        for (EpisodeKind kind : EpisodeKind.values()) {
            closed.put(kind, new ArrayList<>());
            open.put(kind, new ArrayList<>());
        }
        for (Episode episode : episodes) {
            if (episode.isClosedBy(reference) && !episode.end().isBefore(from) && !episode.end().isAfter(to)) {
                closed.get(episode.kind()).add(episode.durationDays(episode.end()));
            } else if (!episode.start().isAfter(reference) && !episode.isClosedBy(reference)) {
                open.get(episode.kind()).add(episode.durationDays(reference));
            }
        }
        Map<EpisodeKind, Durations> closedSummary = new EnumMap<>(EpisodeKind.class);
        Map<EpisodeKind, Durations> openSummary = new EnumMap<>(EpisodeKind.class);
        for (EpisodeKind kind : EpisodeKind.values()) {
            closedSummary.put(kind, summarise(closed.get(kind)));
            openSummary.put(kind, summarise(open.get(kind)));
        }
        return new DoorloopsnelheidReport(from, to, reference, closedSummary, openSummary);
    }

    /** Count, mean and median of {@code days}. */
    public static Durations summarise(List<Long> days) {
        if (days.isEmpty()) {
            return Durations.NONE;
        }
        List<Long> sorted = days.stream().sorted().toList();
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElseThrow();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return new Durations(sorted.size(), mean, median);
    }
}
