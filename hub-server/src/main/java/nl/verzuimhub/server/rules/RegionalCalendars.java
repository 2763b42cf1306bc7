package nl.verzuimhub.server.rules;

import java.util.List;
import nl.verzuimhub.core.calendar.MunicipalityRegions;
import nl.verzuimhub.core.calendar.SchoolCalendar;
import nl.verzuimhub.core.calendar.SchoolDays;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.policies.DecisionFacts;
import org.springframework.stereotype.Component;

/**
 * The school days a record is judged on in the hub: the calendar of the holiday region of the pupil's municipality
 * of residence (woongemeente, the register's {@code pupil.municipality}).
 *
 * <p>Why residence and not the school: the register's records name the pupil's municipality but not the school's
 * (only its BRIN and partnership), and residence is also what decides the attendance officer. Pupils go to school
 * within their own holiday region almost always; a pupil who crosses a region boundary is judged on the region they
 * live in.
 *
 * <p>Fallbacks, so that a decision never fails: outside the calendar's coverage (before August 2024, after July
 * 2027) and for a municipality without a configured region, Monday to Friday ({@link SchoolDays#WEEKDAYS}), the
 * policy engine's behaviour before the regional calendar.
 */
@Component
public class RegionalCalendars {
    private final MunicipalityRegions regions;

    RegionalCalendars(MunicipalityRegions regions) {
        this.regions = regions;
    }

    /** The school days of {@code municipalityCode}'s region, with the fallbacks above. */
    public SchoolDays schoolDays(String municipalityCode) {
        return regions.regionOf(municipalityCode).map(region -> SchoolCalendar.of(region).orWeekdaysOutsideCoverage())
                .orElse(SchoolDays.WEEKDAYS);
    }

    /** The school days {@code record} is judged on. */
    public SchoolDays schoolDays(RegisterRecord record) {
        return schoolDays(record.pupil().municipality());
    }

    /** {@code history} with each record judged on its pupil's regional calendar. */
    public DecisionFacts withRegionalCalendars(DecisionFacts history) {
        return new DecisionFacts() {
            @Override
            public List<Period> otherSickReports(RegisterRecord record) {
                return history.otherSickReports(record);
            }

            @Override
            public nl.verzuimhub.policies.SchoolCalendar calendar(RegisterRecord record) {
                return nl.verzuimhub.policies.SchoolCalendar.of(schoolDays(record));
            }
        };
    }
}
