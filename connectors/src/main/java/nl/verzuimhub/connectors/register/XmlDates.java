package nl.verzuimhub.connectors.register;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Converts the JAXB binding's {@link XMLGregorianCalendar} values to {@code java.time}, independent of the JVM's default
 * time zone.
 *
 * <ul>
 *   <li>{@code xs:date} becomes a {@link LocalDate} of the same year, month and day; a time zone on a date is ignored.</li>
 *   <li>{@code xs:dateTime} with an offset becomes an {@link OffsetDateTime} with that same offset
 *       ({@code 2024-10-01T09:12:00+02:00} stays {@code +02:00}); without an offset it is read as local time in
 *       {@link #REGISTER_ZONE}, the register's zone. {@code 24:00:00} is the start of the next day.</li>
 * </ul>
 * A value that {@code java.time} cannot represent raises {@link IllegalArgumentException} with a message naming
 * {@code field} only, never the value.
 */
final class XmlDates {
    /** The zone a date-time without offset is read in. */
    static final ZoneId REGISTER_ZONE = ZoneId.of("Europe/Amsterdam");

    private XmlDates() {
    }

    static LocalDate toLocalDate(String field, XMLGregorianCalendar value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.getMonth() == DatatypeConstants.FIELD_UNDEFINED || value.getDay() == DatatypeConstants.FIELD_UNDEFINED
                    || value.getEonAndYear() == null) {
                throw new IllegalArgumentException(field + " is not a complete date");
            }
            return LocalDate.of(value.getEonAndYear().intValueExact(), value.getMonth(), value.getDay());
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(field + " is not a representable date");
        }
    }

    static OffsetDateTime toOffsetDateTime(String field, XMLGregorianCalendar value) {
        if (value == null) {
            return null;
        }
        LocalDate date = toLocalDate(field, value);
        try {
            if (value.getHour() == DatatypeConstants.FIELD_UNDEFINED) {
                throw new IllegalArgumentException(field + " has no time of day");
            }
            LocalDateTime local = value.getHour() == 24
                    ? date.plusDays(1).atStartOfDay()
                    : LocalDateTime.of(date, LocalTime.of(value.getHour(), value.getMinute(), value.getSecond(), nanos(value)));
            if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
                return local.atZone(REGISTER_ZONE).toOffsetDateTime();
            }
            return local.atOffset(ZoneOffset.ofTotalSeconds(value.getTimezone() * 60));
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(field + " is not a representable date-time");
        }
    }

    private static int nanos(XMLGregorianCalendar value) {
        BigDecimal fraction = value.getFractionalSecond();
        return fraction == null ? 0 : fraction.movePointRight(9).setScale(0, RoundingMode.DOWN).intValueExact();
    }
}
