package nl.verzuimhub.server.register;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.policies.DecisionFacts;
import nl.verzuimhub.server.rules.RegionalCalendars;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads what ingest stored (table {@code register_record}) back as records: for explanations, for re-deciding when
 * a pupil's scope changes, and as the pupil history the M@ZL criterion needs ({@link #facts()}). Withdrawn records
 * (erased payload) are never returned.
 */
@Repository
public class StoredRecords {
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RegionalCalendars calendars;

    StoredRecords(JdbcTemplate jdbc, ObjectMapper json, RegionalCalendars calendars) {
        this.jdbc = jdbc;
        this.json = json;
        this.calendars = calendars;
    }

    /** Where a stored record says the pupil lives and goes to school. */
    public record Location(String municipality, String partnership) {
    }

    public record Stored(RegisterRecord record, Location location) {
    }

    /** The current stored state of a record, unless withdrawn. {@code kind} may be null when the id is unique. */
    public List<Stored> find(RecordKind kind, String recordId) {
        return jdbc.query("""
                select kind, record_id, version, payload::text, municipality, partnership from register_record
                 where record_id = ? and (cast(? as text) is null or kind = ?) and payload is not null""",
                (row, n) -> new Stored(StoredRecordReader.read(RecordKind.valueOf(row.getString(1)), row.getString(2),
                        row.getInt(3), json.readValue(row.getString(4), FIELDS)),
                        new Location(row.getString(5), row.getString(6))),
                recordId, kind == null ? null : kind.name(), kind == null ? null : kind.name());
    }

    /** The stored location of a record before it changes; empty for a new or withdrawn record. */
    public Optional<Location> location(RecordKind kind, String recordId) {
        return jdbc.query("""
                select municipality, partnership from register_record
                 where kind = ? and record_id = ? and payload is not null""",
                (row, n) -> new Location(row.getString(1), row.getString(2)), kind.name(), recordId).stream().findFirst();
    }

    /**
     * The pupil history from stored records (the periods of the pupil's other, not withdrawn sick reports), judged on
     * the school calendar of the pupil's region ({@link RegionalCalendars}). The facts remember the history for the
     * last record asked about (by identity), so deciding one record version for several recipients reads it once;
     * take new facts after the stored records changed.
     */
    public DecisionFacts facts() {
        return calendars.withRegionalCalendars(new DecisionFacts() {
            private RegisterRecord asked;
            private List<Period> answer;

            @Override
            public List<Period> otherSickReports(RegisterRecord record) {
                if (record != asked) {
                    String identifier = record.pupil().identifier().value();
                    Map<String, Period> reports = new HashMap<>(sickReports(List.of(identifier))
                            .getOrDefault(identifier, Map.of()));
                    reports.remove(record.id());
                    answer = List.copyOf(reports.values());
                    asked = record;
                }
                return answer;
            }
        });
    }

    /**
     * Decision facts with the given pupil history (for instance a register page's, {@link SickHistories}), judged on
     * the school calendar of the pupil's region like {@link #facts()}.
     */
    DecisionFacts facts(Function<RegisterRecord, List<Period>> history) {
        return calendars.withRegionalCalendars(history::apply);
    }

    /**
     * One query: per pupil identifier, the periods of its stored, not withdrawn sick reports by record id (a register
     * page asks for all its pupils at once, {@link #facts()} for one).
     */
    Map<String, Map<String, Period>> sickReports(Collection<String> identifiers) {
        Map<String, Map<String, Period>> found = new HashMap<>();
        if (identifiers.isEmpty()) {
            return found;
        }
        jdbc.query(connection -> {
            // One lookup in register_record_sick_pupil per pupil (lateral, offset 0 keeps it one): with "= any(?)"
            // PostgreSQL misjudged the rows per pupil and scanned every sick report of the year for each page.
            var statement = connection.prepareStatement("""
                    select r.pupil, r.record_id, r.period_start, r.period_end
                      from unnest(?::text[]) as p(pupil)
                      cross join lateral (
                          select coalesce(payload->>'bsn', payload->>'onderwijsnummer') as pupil, record_id,
                                 payload->>'periodStart' as period_start, payload->>'periodEnd' as period_end
                            from register_record
                           where kind = 'ZIEKMELDING' and payload is not null
                             and coalesce(payload->>'bsn', payload->>'onderwijsnummer') = p.pupil
                          offset 0) r""");
            statement.setArray(1, connection.createArrayOf("text", identifiers.stream().distinct().toArray()));
            return statement;
        }, (ResultSet row) -> {
            found.computeIfAbsent(row.getString(1), key -> new HashMap<>()).put(row.getString(2),
                    new Period(LocalDate.parse(row.getString(3)),
                            row.getString(4) == null ? null : LocalDate.parse(row.getString(4))));
        });
        return found;
    }
}
