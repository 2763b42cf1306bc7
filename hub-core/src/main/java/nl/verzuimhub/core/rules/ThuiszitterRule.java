package nl.verzuimhub.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import nl.verzuimhub.core.record.RegisterRecord;

/**
 * Thuiszitter (a pupil who stays home): LRV or absolute absence lasting longer than the {@link ThuiszitterDefinition}
 * allows, open or closed, evaluated at a reference date.
 *
 * <p>Contract: every episode ({@link Episodes#from}) that has started by the reference date and qualifies as known on
 * that date is a case; an episode that closed before the reference date after qualifying stays a (closed) case, so a
 * caller asking about a period filters on {@link Thuiszitter#end()}. A pupil with two qualifying episodes gives two
 * cases; {@link #pupils} counts each pupil once. Exempt pupils (vrijstelling) are never cases: an exemption is not an
 * episode.
 */
public final class ThuiszitterRule {
    private final ThuiszitterDefinition definition;

    public ThuiszitterRule(ThuiszitterDefinition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    public ThuiszitterDefinition definition() {
        return definition;
    }

    /** The cases among {@code records} on {@code reference}, ordered by episode start. */
    public List<Thuiszitter> evaluate(Collection<? extends RegisterRecord> records, LocalDate reference) {
        return evaluateEpisodes(Episodes.from(records), reference);
    }

    /** As {@link #evaluate} for episodes already extracted. */
    public List<Thuiszitter> evaluateEpisodes(List<Episode> episodes, LocalDate reference) {
        List<Thuiszitter> cases = new ArrayList<>();
        for (Episode episode : episodes) {
            if (definition.qualifies(episode, reference)) {
                cases.add(new Thuiszitter(episode, episode.isOpenOn(reference), episode.durationDays(reference)));
            }
        }
        return cases;
    }

    /** The number of distinct pupils among {@code cases}. */
    public static long pupils(List<Thuiszitter> cases) {
        return cases.stream().map(c -> c.episode().pupil().identifier()).distinct().count();
    }
}
