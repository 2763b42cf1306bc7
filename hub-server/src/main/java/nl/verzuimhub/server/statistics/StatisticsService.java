package nl.verzuimhub.server.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.calendar.SchoolYear;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.server.web.BadRequestException;
import nl.verzuimhub.server.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The statistics a caller asks for: reads the group's stored records and counts them with hub-core's leerplichttelling
 * ({@link IndicatorTables}), suppressing small cells when asked. Which school years exist is the calendar's answer.
 * Does not decide scope and does not audit: the controllers do both, before anything is sent.
 */
@Service
class StatisticsService {
    private final StatisticsRepository repository;
    private final IndicatorTables tables;
    private final java.time.Clock clock;

    StatisticsService(StatisticsRepository repository, IndicatorTables tables, java.time.Clock clock) {
        this.repository = repository;
        this.tables = tables;
        this.clock = clock;
    }

    /** The school year of today when the calendar knows it, else the latest it knows. */
    SchoolYear defaultSchoolYear() {
        SchoolYear current = SchoolYear.containing(java.time.LocalDate.now(clock.withZone(IndicatorTables.ZONE)));
        List<SchoolYear> known = tables.knownSchoolYears();
        return known.contains(current) ? current : known.get(known.size() - 1);
    }

    /**
     * The school year a request names.
     *
     * @throws BadRequestException when it is not written like {@code 2024-2025}
     * @throws NotFoundException   when the hub's school calendar does not know it
     */
    SchoolYear schoolYear(String text) {
        SchoolYear year;
        try {
            year = SchoolYear.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("school year must be written like 2024-2025, was '" + text + "'");
        }
        if (!tables.knownSchoolYears().contains(year)) {
            throw new NotFoundException("school year " + year + " is not in the hub's school calendar; known: "
                    + knownSchoolYears());
        }
        return year;
    }

    List<String> knownSchoolYears() {
        return tables.knownSchoolYears().stream().map(SchoolYear::toString).toList();
    }

    StatisticsTable table(StatisticsGroup group, SchoolYear year, boolean suppress) {
        return tables.table(group, year, repository.records(group), suppress);
    }

    /** One table per municipality with stored records, ordered by code. */
    private List<StatisticsTable> allMunicipalities(SchoolYear year, boolean suppress) {
        Map<String, List<RegisterRecord>> byMunicipality = new LinkedHashMap<>();
        for (StatisticsRepository.Counted counted : repository.recordsWithMunicipality()) {
            byMunicipality.computeIfAbsent(counted.municipality(), m -> new ArrayList<>()).add(counted.record());
        }
        List<StatisticsTable> result = new ArrayList<>();
        byMunicipality.forEach((code, records) -> result.add(tables.table(
                new StatisticsGroup(StatisticsGroup.Type.MUNICIPALITY, code), year, records, suppress)));
        return result;
    }

    /**
     * The list of municipalities a caller granted it may see ({@link StatisticsScope#decideAllMunicipalities}): every
     * municipality for a statistics recipient, else only the caller's own.
     */
    List<StatisticsTable> municipalitiesFor(nl.verzuimhub.core.recipient.Recipient recipient, SchoolYear year,
                                            boolean suppress) {
        if (recipient.role() == nl.verzuimhub.core.recipient.RecipientRole.STATISTICS) {
            return allMunicipalities(year, suppress);
        }
        return List.of(table(StatisticsScope.ownGroup(recipient).orElseThrow(), year, suppress));
    }

    /** The stored records of a group, for the partnership's page. */
    List<RegisterRecord> records(StatisticsGroup group) {
        return repository.records(group);
    }
}
