package nl.verzuimhub.core.calendar;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The school holidays per region for school years 2024-2025, 2025-2026 and 2026-2027, plus the summer holiday of
 * 2024 that reaches into August 2024 (it belongs to school year 2023-2024 but covers the first weeks of 2024-2025).
 *
 * <p><b>Source.</b> The authority is the government's overview at
 * https://www.rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar (summer,
 * Christmas and May holidays are fixed by the Regeling vaststelling schoolvakanties; autumn and spring holidays are
 * the government's advice dates). That page could not be read from this project's search index. The dates below were
 * confirmed as follows (search of 2026-11-23):
 * <ul>
 *   <li>2024-2025: summer 2024 per region by the ANP report of July 2024 (hartvannederland.nl); autumn 2024 (zuid a
 *       week earlier than noord and midden) by ANP August 2024 (hartvannederland.nl) and simonscholen.nl, which lists
 *       all five holidays per region "following the provincial advice"; spring, May and summer 2025 by
 *       simonscholen.nl, edumarevpr.nl (midden) and cbsdewegwijzerbellingwolde.nl (noord).</li>
 *   <li>2025-2026: Christmas by mkkm.nl (citing Rijksoverheid); summer 2026 per region by deepsea.nl ("verplichte
 *       data"); autumn and spring per region by landstedembo.nl (noord, midden), edumarevpr.nl (midden) and
 *       gbbenjamin.nl (zuid). The May holiday is the national week around Koningsdag (25 April - 3 May 2026); many
 *       schools add the week before as their own choice, which is not in this table.</li>
 *   <li>2026-2027: all five holidays per region from the government's open data
 *       (https://opendata.rijksoverheid.nl/v1/sources/rijksoverheid/infotypes/schoolholidays), as published in the
 *       calendar files of github.com/burakkp/nl-holidays-ical (generated from that API on 2025-09-10; its 2024-2025
 *       and 2025-2026 dates equal every entry below, which the sources above had confirmed). Summer 2027 is staggered
 *       noord 10 July, midden 17 July, zuid 24 July; school rosters read earlier (a zuid school's own roster starts
 *       summer on 19 July 2027 and its carnival week on 8 February), because schools may shift advice dates and
 *       take their own days: those are not the official holidays.</li>
 * </ul>
 */
final class OfficialSchoolHolidays {
    static final LocalDate FIRST_COVERED = LocalDate.of(2024, 8, 1);
    static final LocalDate LAST_COVERED = LocalDate.of(2027, 7, 31);

    private static final Map<HolidayRegion, List<SchoolHoliday>> HOLIDAYS = new EnumMap<>(HolidayRegion.class);

    static {
        HOLIDAYS.put(HolidayRegion.NOORD, List.of(
                holiday(HolidayKind.ZOMER, "2024-07-20", "2024-09-01"),
                holiday(HolidayKind.HERFST, "2024-10-26", "2024-11-03"),
                holiday(HolidayKind.KERST, "2024-12-21", "2025-01-05"),
                holiday(HolidayKind.VOORJAAR, "2025-02-15", "2025-02-23"),
                holiday(HolidayKind.MEI, "2025-04-26", "2025-05-04"),
                holiday(HolidayKind.ZOMER, "2025-07-12", "2025-08-24"),
                holiday(HolidayKind.HERFST, "2025-10-18", "2025-10-26"),
                holiday(HolidayKind.KERST, "2025-12-20", "2026-01-04"),
                holiday(HolidayKind.VOORJAAR, "2026-02-21", "2026-03-01"),
                holiday(HolidayKind.MEI, "2026-04-25", "2026-05-03"),
                holiday(HolidayKind.ZOMER, "2026-07-04", "2026-08-16"),
                holiday(HolidayKind.HERFST, "2026-10-10", "2026-10-18"),
                holiday(HolidayKind.KERST, "2026-12-19", "2027-01-03"),
                holiday(HolidayKind.VOORJAAR, "2027-02-20", "2027-02-28"),
                holiday(HolidayKind.MEI, "2027-04-24", "2027-05-02"),
                holiday(HolidayKind.ZOMER, "2027-07-10", "2027-08-22")));
        HOLIDAYS.put(HolidayRegion.MIDDEN, List.of(
                holiday(HolidayKind.ZOMER, "2024-07-13", "2024-08-25"),
                holiday(HolidayKind.HERFST, "2024-10-26", "2024-11-03"),
                holiday(HolidayKind.KERST, "2024-12-21", "2025-01-05"),
                holiday(HolidayKind.VOORJAAR, "2025-02-22", "2025-03-02"),
                holiday(HolidayKind.MEI, "2025-04-26", "2025-05-04"),
                holiday(HolidayKind.ZOMER, "2025-07-19", "2025-08-31"),
                holiday(HolidayKind.HERFST, "2025-10-18", "2025-10-26"),
                holiday(HolidayKind.KERST, "2025-12-20", "2026-01-04"),
                holiday(HolidayKind.VOORJAAR, "2026-02-14", "2026-02-22"),
                holiday(HolidayKind.MEI, "2026-04-25", "2026-05-03"),
                holiday(HolidayKind.ZOMER, "2026-07-18", "2026-08-30"),
                holiday(HolidayKind.HERFST, "2026-10-17", "2026-10-25"),
                holiday(HolidayKind.KERST, "2026-12-19", "2027-01-03"),
                holiday(HolidayKind.VOORJAAR, "2027-02-20", "2027-02-28"),
                holiday(HolidayKind.MEI, "2027-04-24", "2027-05-02"),
                holiday(HolidayKind.ZOMER, "2027-07-17", "2027-08-29")));
        HOLIDAYS.put(HolidayRegion.ZUID, List.of(
                holiday(HolidayKind.ZOMER, "2024-07-06", "2024-08-18"),
                holiday(HolidayKind.HERFST, "2024-10-19", "2024-10-27"),
                holiday(HolidayKind.KERST, "2024-12-21", "2025-01-05"),
                holiday(HolidayKind.VOORJAAR, "2025-02-22", "2025-03-02"),
                holiday(HolidayKind.MEI, "2025-04-26", "2025-05-04"),
                holiday(HolidayKind.ZOMER, "2025-07-05", "2025-08-17"),
                holiday(HolidayKind.HERFST, "2025-10-11", "2025-10-19"),
                holiday(HolidayKind.KERST, "2025-12-20", "2026-01-04"),
                holiday(HolidayKind.VOORJAAR, "2026-02-14", "2026-02-22"),
                holiday(HolidayKind.MEI, "2026-04-25", "2026-05-03"),
                holiday(HolidayKind.ZOMER, "2026-07-11", "2026-08-23"),
                holiday(HolidayKind.HERFST, "2026-10-17", "2026-10-25"),
                holiday(HolidayKind.KERST, "2026-12-19", "2027-01-03"),
                holiday(HolidayKind.VOORJAAR, "2027-02-13", "2027-02-21"),
                holiday(HolidayKind.MEI, "2027-04-24", "2027-05-02"),
                holiday(HolidayKind.ZOMER, "2027-07-24", "2027-09-05")));
    }

    private OfficialSchoolHolidays() {
    }

    /** The holidays of {@code region} in date order. */
    static List<SchoolHoliday> of(HolidayRegion region) {
        return HOLIDAYS.get(region);
    }

    private static SchoolHoliday holiday(HolidayKind kind, String first, String last) {
        return new SchoolHoliday(kind, LocalDate.parse(first), LocalDate.parse(last));
    }
}
