package nl.verzuimhub.core.calendar;

/** The five school holidays of a Dutch school year. */
public enum HolidayKind {
    /** Autumn holiday (herfstvakantie), one week in October. */
    HERFST,
    /** Christmas holiday (kerstvakantie), two weeks, the same for all regions. */
    KERST,
    /** Spring holiday (voorjaarsvakantie), one week in February. */
    VOORJAAR,
    /** May holiday (meivakantie), the one week around Koningsdag set nationally; schools often add a week. */
    MEI,
    /** Summer holiday (zomervakantie), six weeks, staggered by region. */
    ZOMER
}
