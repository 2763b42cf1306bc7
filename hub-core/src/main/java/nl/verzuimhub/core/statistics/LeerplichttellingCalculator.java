package nl.verzuimhub.core.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.verzuimhub.core.calendar.SchoolYear;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.rules.Doorloopsnelheid;
import nl.verzuimhub.core.rules.Episode;
import nl.verzuimhub.core.rules.EpisodeKind;
import nl.verzuimhub.core.rules.Episodes;
import nl.verzuimhub.core.rules.ThuiszitterDefinition;
import nl.verzuimhub.core.rules.ThuiszitterRule;

/**
 * The leerplichttelling (annual count, Lpw art. 25) for the records of one group and one school year.
 *
 * <p>What counts (the contract; docs/rules.md says the same):
 * <ul>
 *   <li>The caller passes the records of one group (see {@link RecordGroups}); of several versions of a record only
 *       the highest counts; withdrawn records (INGETROKKEN) never count.</li>
 *   <li>The year is counted up to {@code measuredUntil} = the earlier of the year's last day (31 July) and the
 *       reference date; nothing that starts after it counts.</li>
 *   <li><b>Absolute absence / LRV total</b>: distinct pupils with an episode ({@link Episodes}) open on at least one
 *       day from 1 August to {@code measuredUntil} (started by then, not ended before 1 August).</li>
 *   <li><b>&gt; 3 months</b>: of those, pupils with such an episode lasting more than 3 months
 *       ({@link ThuiszitterDefinition#MORE_THAN_THREE_MONTHS}), measured at its end when it closed by
 *       {@code measuredUntil}, else at {@code measuredUntil} (the year's end for a finished year). Time before
 *       1 August counts: an episode from May that lasts into October is over 3 months in the new year.</li>
 *   <li><b>Exemptions per article</b>: distinct pupils per article with an exemption (not INGETROKKEN) whose period
 *       overlaps the counted part of the year.</li>
 *   <li><b>Pupils with at least one report</b>: distinct pupils with an absence report of any type filed
 *       ({@code reportedOn}) in the counted part of the year.</li>
 *   <li><b>Thuiszitters</b>: distinct pupils with a thuiszitter case under this calculator's definition among the
 *       year's episodes, measured as for "&gt; 3 months".</li>
 *   <li><b>Doorloopsnelheid</b>: over the year's episodes, those closed from 1 August to {@code measuredUntil}; the
 *       open ones measured up to {@code measuredUntil}.</li>
 * </ul>
 * Plain and stateless apart from the definition; thread-safe.
 */
public final class LeerplichttellingCalculator {
    private final ThuiszitterRule thuiszitters;

    /** With the national thuiszitter definition (more than 3 months). */
    public LeerplichttellingCalculator() {
        this(ThuiszitterDefinition.MORE_THAN_THREE_MONTHS);
    }

    public LeerplichttellingCalculator(ThuiszitterDefinition thuiszitterDefinition) {
        this.thuiszitters = new ThuiszitterRule(Objects.requireNonNull(thuiszitterDefinition, "definition"));
    }

    /**
     * The indicators of a finished or running school year.
     *
     * @param records   the group's records, any kinds and versions
     * @param year      the school year to count
     * @param reference today (or any day): the year is counted up to the earlier of its last day and this day
     * @throws IllegalArgumentException when {@code reference} lies before the year's first day
     */
    public Indicators calculate(Collection<? extends RegisterRecord> records, SchoolYear year, LocalDate reference) {
        if (reference.isBefore(year.firstDay())) {
            throw new IllegalArgumentException("school year " + year + " has not started on " + reference);
        }
        LocalDate until = reference.isBefore(year.lastDay()) ? reference : year.lastDay();
        List<RegisterRecord> latest = Episodes.latestVersions(records);
        List<Episode> episodes = new ArrayList<>();
        for (Episode episode : Episodes.from(latest)) {
            if (!episode.start().isAfter(until) && (episode.end() == null || !episode.end().isBefore(year.firstDay()))) {
                episodes.add(episode);
            }
        }
        ThuiszitterDefinition overThreeMonths = ThuiszitterDefinition.MORE_THAN_THREE_MONTHS;
        Set<PupilIdentifier> absolute = new HashSet<>();
        Set<PupilIdentifier> absoluteLong = new HashSet<>();
        Set<PupilIdentifier> lrv = new HashSet<>();
        Set<PupilIdentifier> lrvLong = new HashSet<>();
        for (Episode episode : episodes) {
            PupilIdentifier pupil = episode.pupil().identifier();
            boolean longer = overThreeMonths.qualifies(episode, until);
            if (episode.kind() == EpisodeKind.ABSOLUTE_ABSENCE) {
                absolute.add(pupil);
                if (longer) {
                    absoluteLong.add(pupil);
                }
            } else {
                lrv.add(pupil);
                if (longer) {
                    lrvLong.add(pupil);
                }
            }
        }
        return new Indicators(year, until, absolute.size(), absoluteLong.size(), lrv.size(), lrvLong.size(),
                exemptions(latest, year.firstDay(), until), pupilsWithReport(latest, year.firstDay(), until),
                ThuiszitterRule.pupils(thuiszitters.evaluateEpisodes(episodes, until)),
                Doorloopsnelheid.measure(episodes, year.firstDay(), until, until));
    }

    private static Map<ExemptionArticle, Long> exemptions(List<RegisterRecord> records, LocalDate from,
                                                          LocalDate until) {
        Map<ExemptionArticle, Set<PupilIdentifier>> pupils = new EnumMap<>(ExemptionArticle.class);
        for (RegisterRecord record : records) {
            if (record instanceof Exemption exemption && exemption.status() != ExemptionStatus.INGETROKKEN
                    && !exemption.period().start().isAfter(until)
                    && (exemption.period().end() == null || !exemption.period().end().isBefore(from))) {
                pupils.computeIfAbsent(exemption.article(), a -> new HashSet<>()).add(record.pupil().identifier());
            }
        }
        Map<ExemptionArticle, Long> counts = new EnumMap<>(ExemptionArticle.class);
        pupils.forEach((article, set) -> counts.put(article, (long) set.size()));
        return counts;
    }

    private static long pupilsWithReport(List<RegisterRecord> records, LocalDate from, LocalDate until) {
        Set<PupilIdentifier> pupils = new HashSet<>();
        for (RegisterRecord record : records) {
            if (record instanceof AbsenceReport report && report.status() != ReportStatus.INGETROKKEN
                    && !report.reportedOn().isBefore(from) && !report.reportedOn().isAfter(until)) {
                pupils.add(record.pupil().identifier());
            }
        }
        return pupils.size();
    }
}
