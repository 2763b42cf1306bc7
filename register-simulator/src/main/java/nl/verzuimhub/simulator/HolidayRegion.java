package nl.verzuimhub.simulator;

import java.time.LocalDate;
import java.util.List;

/**
 * The school-holiday regions the synthetic municipalities fall in, with the holidays of school year 2024-2025,
 * modelled on the published national calendar (each holiday a closed date range, weekends included). The Friday
 * after Ascension Day is modelled as a school-free day everywhere.
 */
enum HolidayRegion {
    /** Noord-Holland: Amsterdam and the Amstelland municipalities. */
    NOORD(List.of(
            range("2024-07-20", "2024-09-01"),
            range("2024-10-26", "2024-11-03"),
            range("2024-12-21", "2025-01-05"),
            range("2025-02-15", "2025-02-23"),
            range("2025-04-26", "2025-05-04"),
            range("2025-05-30", "2025-05-30"),
            range("2025-07-12", "2025-08-24"))),
    /** Zuid-Holland: Rotterdam and 's-Gravenhage. */
    MIDDEN(List.of(
            range("2024-07-13", "2024-08-25"),
            range("2024-10-19", "2024-10-27"),
            range("2024-12-21", "2025-01-05"),
            range("2025-02-22", "2025-03-02"),
            range("2025-04-26", "2025-05-04"),
            range("2025-05-30", "2025-05-30"),
            range("2025-07-19", "2025-08-31")));

    /** A holiday: first and last day, both inclusive. */
    record Holiday(LocalDate first, LocalDate last) {
        boolean contains(LocalDate date) {
            return !date.isBefore(first) && !date.isAfter(last);
        }
    }

    private final List<Holiday> holidays;

    HolidayRegion(List<Holiday> holidays) {
        this.holidays = holidays;
    }

    List<Holiday> holidays() {
        return holidays;
    }

    boolean isHoliday(LocalDate date) {
        for (Holiday holiday : holidays) {
            if (holiday.contains(date)) {
                return true;
            }
        }
        return false;
    }

    private static Holiday range(String first, String last) {
        return new Holiday(LocalDate.parse(first), LocalDate.parse(last));
    }
}
