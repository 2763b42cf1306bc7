package nl.verzuimhub.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The national public holidays on which schools are closed, for any year; the Easter-based ones are computed, not
 * tabled.
 *
 * <p>The list follows the Algemene termijnenwet (art. 3) and the school-sector cao's:
 * Nieuwjaarsdag (1 January), Eerste and Tweede Paasdag, Koningsdag (27 April, or 26 April when the 27th is a Sunday),
 * Bevrijdingsdag (5 May) <b>only in lustrum years</b> (years divisible by 5, as the cao's for primary and secondary
 * education grant it), Hemelvaartsdag, Eerste and Tweede Pinksterdag, Eerste and Tweede Kerstdag.
 *
 * <p>Choices (not law, stated here and in docs/rules.md): <b>Goede Vrijdag</b> and the <b>Friday after Ascension
 * Day</b> are <b>school days</b>. Neither is a national holiday; many schools give them off, but as one of their own
 * free days (margedagen), which the register does not know. Counting them as school days makes a window of N school
 * days at most a day shorter in calendar terms, never longer.
 */
public final class PublicHolidays {
    private PublicHolidays() {
    }

    /**
     * Easter Sunday of {@code year} in the Gregorian calendar (the anonymous Gregorian algorithm of Meeus, Jones and
     * Butcher), valid for every year from 1583.
     */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** The public holidays of calendar year {@code year} on which schools are closed, in date order. */
    public static List<PublicHoliday> of(int year) {
        LocalDate easter = easterSunday(year);
        List<PublicHoliday> holidays = new ArrayList<>();
        holidays.add(new PublicHoliday(LocalDate.of(year, Month.JANUARY, 1), "Nieuwjaarsdag"));
        holidays.add(new PublicHoliday(easter, "Eerste Paasdag"));
        holidays.add(new PublicHoliday(easter.plusDays(1), "Tweede Paasdag"));
        holidays.add(new PublicHoliday(kingsDay(year), "Koningsdag"));
        if (year % 5 == 0) {
            holidays.add(new PublicHoliday(LocalDate.of(year, Month.MAY, 5), "Bevrijdingsdag"));
        }
        holidays.add(new PublicHoliday(easter.plusDays(39), "Hemelvaartsdag"));
        holidays.add(new PublicHoliday(easter.plusDays(49), "Eerste Pinksterdag"));
        holidays.add(new PublicHoliday(easter.plusDays(50), "Tweede Pinksterdag"));
        holidays.add(new PublicHoliday(LocalDate.of(year, Month.DECEMBER, 25), "Eerste Kerstdag"));
        holidays.add(new PublicHoliday(LocalDate.of(year, Month.DECEMBER, 26), "Tweede Kerstdag"));
        holidays.sort(Comparator.comparing(PublicHoliday::date));
        return List.copyOf(holidays);
    }

    /** Whether schools are closed on {@code date} for a national public holiday. */
    public static boolean isPublicHoliday(LocalDate date) {
        for (PublicHoliday holiday : of(date.getYear())) {
            if (holiday.date().equals(date)) {
                return true;
            }
        }
        return false;
    }

    /** 27 April, or 26 April when the 27th falls on a Sunday (Wet viering Koningsdag). */
    static LocalDate kingsDay(int year) {
        LocalDate day = LocalDate.of(year, Month.APRIL, 27);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
    }
}
