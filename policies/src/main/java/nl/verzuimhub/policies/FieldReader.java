package nl.verzuimhub.policies;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.disclosure.RecordFields;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.RegisterRecord;

/**
 * Reads one source field of a record, with exactly the value {@link RecordFields#of} gives it (a test keeps the two
 * equal), but without building the whole view: the minimiser reads only the fields a rule discloses.
 */
final class FieldReader {
    private FieldReader() {
    }

    /** The field's value, or null when the record does not hold it. */
    static Object read(RegisterRecord record, DataField field) {
        return read(record, field, record.school().orElse(null));
    }

    /** As {@link #read(RegisterRecord, DataField)}, with the record's (last) school already looked up (may be null). */
    static Object read(RegisterRecord record, DataField field, Enrolment school) {
        switch (field) {
            case BSN:
                return identifier(record, PupilIdentifier.Type.BSN);
            case ONDERWIJSNUMMER:
                return identifier(record, PupilIdentifier.Type.ONDERWIJSNUMMER);
            case BIRTH_DATE:
                return iso(record.pupil().birthDate());
            case MUNICIPALITY:
                return record.pupil().municipality();
            case POSTCODE:
                return record.pupil().postcode();
            case BRIN:
            case BRANCH:
            case SECTOR:
            case PARTNERSHIP:
            case GRADE:
                return school(school, field);
            case PERIOD_START:
                return iso(record.period().start());
            case PERIOD_END:
                return iso(record.period().end());
            case LAST_CHANGED:
                return iso(record.lastChanged());
            case STATUS:
                return RuleScope.status(record);
            case ARTICLE:
                return record instanceof Exemption ? ((Exemption) record).article().code() : null;
            case PREVIOUSLY_EXEMPT:
                return record instanceof Exemption ? ((Exemption) record).previouslyExempt() : null;
            case GROUNDS:
                return record instanceof Exemption ? ((Exemption) record).grounds() : null;
            default:
                return record instanceof AbsenceReport ? report((AbsenceReport) record, field) : null;
        }
    }

    private static Object identifier(RegisterRecord record, PupilIdentifier.Type type) {
        PupilIdentifier id = record.pupil().identifier();
        return id.type() == type ? id.value() : null;
    }

    private static Object school(Enrolment school, DataField field) {
        if (school == null) {
            return null;
        }
        switch (field) {
            case BRIN:
                return school.brin();
            case BRANCH:
                return school.branch();
            case SECTOR:
                return school.sector();
            case PARTNERSHIP:
                return school.partnership();
            default:
                return school.grade();
        }
    }

    private static Object report(AbsenceReport report, DataField field) {
        switch (field) {
            case ABSENCE_TYPE:
                return report.absenceType().name();
            case HOURS:
                return report.hours();
            case DAYS:
                return report.days();
            case ALL_LESSONS_MISSED:
                return report.allLessonsMissed();
            case SUSPECTED_REASON:
                return report.suspectedReason();
            case SCHOOL_ACTION:
                return report.schoolAction();
            case MUNICIPAL_ACTION_REQUESTED:
                return report.municipalActionRequested();
            case REPORTER:
                return RecordFields.reporter(report.reporter());
            case CLOSING_REASON:
                return report.closingReason() == null ? null : report.closingReason().name();
            case REPORTED_ON:
                return iso(report.reportedOn());
            default:
                return null;
        }
    }

    /**
     * ISO-8601 as {@link LocalDate#toString()} prints it. Years 1000 to 9999 are written digit by digit into one
     * {@code char[]} (several times faster than {@code toString}'s {@code StringBuilder}); other years go through
     * {@code toString}.
     */
    static String iso(LocalDate date) {
        if (date == null) {
            return null;
        }
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            return date.toString();
        }
        char[] text = new char[10];
        date(text, year, date.getMonthValue(), date.getDayOfMonth());
        return new String(text);
    }

    /**
     * ISO-8601 with offset and always with seconds, as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} prints it; the
     * common case (whole seconds, years 1000 to 9999) is written digit by digit, many times faster than the formatter.
     */
    static String iso(OffsetDateTime time) {
        if (time == null) {
            return null;
        }
        LocalDateTime local = time.toLocalDateTime();
        int year = local.getYear();
        if (local.getNano() != 0 || year < 1000 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        String offset = time.getOffset().getId();
        char[] text = new char[19 + offset.length()];
        date(text, year, local.getMonthValue(), local.getDayOfMonth());
        text[10] = 'T';
        two(text, 11, local.getHour());
        text[13] = ':';
        two(text, 14, local.getMinute());
        text[16] = ':';
        two(text, 17, local.getSecond());
        offset.getChars(0, offset.length(), text, 19);
        return new String(text);
    }

    /** Writes yyyy-MM-dd into the first ten chars. */
    private static void date(char[] text, int year, int month, int day) {
        two(text, 0, year / 100);
        two(text, 2, year % 100);
        text[4] = '-';
        two(text, 5, month);
        text[7] = '-';
        two(text, 8, day);
    }

    private static void two(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }
}
