package nl.verzuimhub.server.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.ClosingReason;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.Pupil;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.Reporter;
import nl.verzuimhub.core.record.SickReport;

/**
 * Turns a stored payload (the record's full field map under the feed's names, as ingest wrote it with
 * {@code RecordFields.of}) back into the record. The inverse of that map: a test round-trips every kind.
 */
public final class StoredRecordReader {
    private StoredRecordReader() {
    }

    public static RegisterRecord read(RecordKind kind, String id, int version, Map<String, Object> fields) {
        Pupil pupil = new Pupil(identifier(fields), date(fields, "birthDate"), text(fields, "municipality"),
                text(fields, "postcode"));
        Enrolment school = fields.containsKey("brin") ? new Enrolment(text(fields, "brin"), text(fields, "branch"),
                text(fields, "sector"), text(fields, "partnership"), integer(fields, "grade")) : null;
        Period period = new Period(date(fields, "periodStart"), date(fields, "periodEnd"));
        OffsetDateTime lastChanged = OffsetDateTime.parse(text(fields, "lastChanged"));
        switch (kind) {
            case VERZUIMMELDING:
                return new AbsenceReport(id, version, pupil, school, AbsenceType.valueOf(text(fields, "absenceType")),
                        period, decimal(fields, "hours"), integer(fields, "days"), bool(fields, "allLessonsMissed"),
                        text(fields, "suspectedReason"), text(fields, "schoolAction"),
                        bool(fields, "municipalActionRequested"), reporter(fields.get("reporter")),
                        ReportStatus.valueOf(text(fields, "status")),
                        fields.containsKey("closingReason") ? ClosingReason.valueOf(text(fields, "closingReason")) : null,
                        date(fields, "reportedOn"), lastChanged);
            case VRIJSTELLING:
                return new Exemption(id, version, pupil, school, ExemptionArticle.fromCode(text(fields, "article")),
                        period, bool(fields, "previouslyExempt"), text(fields, "grounds"),
                        ExemptionStatus.valueOf(text(fields, "status")), lastChanged);
            case ZIEKMELDING:
                return new SickReport(id, version, pupil, school, period, lastChanged);
            default:
                return new AbsoluteAbsence(id, version, pupil, school, period,
                        ReportStatus.valueOf(text(fields, "status")), lastChanged);
        }
    }

    private static PupilIdentifier identifier(Map<String, Object> fields) {
        return fields.containsKey("bsn") ? PupilIdentifier.bsn(text(fields, "bsn"))
                : PupilIdentifier.onderwijsnummer(text(fields, "onderwijsnummer"));
    }

    private static Reporter reporter(Object value) {
        if (!(value instanceof Map<?, ?> parts)) {
            return new Reporter("", null, null, null);
        }
        return new Reporter((String) parts.get("name"), (String) parts.get("role"), (String) parts.get("phone"),
                (String) parts.get("email"));
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Map<String, Object> fields, String name) {
        String value = text(fields, name);
        return value == null ? null : LocalDate.parse(value);
    }

    private static Integer integer(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : ((Number) value).intValue();
    }

    private static BigDecimal decimal(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static boolean bool(Map<String, Object> fields, String name) {
        return Boolean.TRUE.equals(fields.get(name));
    }
}
