package nl.verzuimhub.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.verzuimhub.core.calendar.SchoolYear;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.statistics.LeerplichttellingCalculator;
import nl.verzuimhub.simulator.SyntheticRegion;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The synthetic region the hub's built-in register simulator serves (same seed and size as the test's
 * {@code hub.simulator.*}), and what the hub should hold once it ingested it: the latest version of every record
 * that was not withdrawn. Expected figures are hub-core's leerplichttelling over those records, so the tests check
 * what the hub adds (storage, grouping, scope, suppression, formats, audit), not the calculation again.
 */
final class SimulatedRegion {
    static final SchoolYear YEAR = new SchoolYear(2024);

    final SyntheticRegion region;
    final List<RegisterRecord> stored;

    SimulatedRegion(long seed, int pupils) {
        this.region = SyntheticRegion.generate(seed, pupils);
        Map<String, Mutation> latest = new LinkedHashMap<>();
        for (Mutation mutation : region.mutations()) {
            latest.put(mutation.record().kind() + "/" + mutation.record().id(), mutation);
        }
        this.stored = latest.values().stream().filter(m -> m.action() != MutationAction.INGETROKKEN)
                .map(Mutation::record).toList();
    }

    /** Waits (up to 90 s) until the hub has stored every page of the region. */
    void awaitIngested(JdbcTemplate jdbc) {
        List<Mutation> published = region.mutations();
        long last = published.get(published.size() - 1).sequence();
        nl.verzuimhub.server.Eventually.await("the synthetic region is ingested", Duration.ofSeconds(90),
                () -> jdbc.queryForObject("select next_sequence from register_cursor", Long.class) == last + 1);
    }

    /** hub-core's counts (unsuppressed) for the stored records of a group in school year 2024-2025. */
    Map<String, Long> expected(Predicate<RegisterRecord> group) {
        return new LeerplichttellingCalculator().calculate(stored.stream().filter(group).toList(), YEAR,
                LocalDate.now(IndicatorTables.ZONE)).cells();
    }
}
