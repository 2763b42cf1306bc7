package nl.verzuimhub.core.disclosure;

import java.time.format.DateTimeFormatter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.Pupil;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.Reporter;
import nl.verzuimhub.core.record.SickReport;

/** Reads every field a record holds into a {@link RecordView}: the unminimised content, before any policy. */
public final class RecordFields {
    private static final String[] REPORTER_PARTS = {"name", "role", "phone", "email"};

    private RecordFields() {
    }

    /** All fields present in the record, under their feed names. Absent (null) source fields stay absent. */
    public static RecordView of(RegisterRecord record) {
        RecordView.Builder view = RecordView.builder();
        putPupil(view, record.pupil());
        record.school().ifPresent(school -> putSchool(view, school));
        view.put(DataField.PERIOD_START, iso(record.period().start()));
        view.put(DataField.PERIOD_END, iso(record.period().end()));
        if (record instanceof AbsenceReport report) {
            view.put(DataField.ABSENCE_TYPE, report.absenceType().name())
                    .put(DataField.HOURS, report.hours())
                    .put(DataField.DAYS, report.days())
                    .put(DataField.ALL_LESSONS_MISSED, report.allLessonsMissed())
                    .put(DataField.SUSPECTED_REASON, report.suspectedReason())
                    .put(DataField.SCHOOL_ACTION, report.schoolAction())
                    .put(DataField.MUNICIPAL_ACTION_REQUESTED, report.municipalActionRequested())
                    .put(DataField.REPORTER, reporter(report.reporter()))
                    .put(DataField.STATUS, report.status().name())
                    .put(DataField.CLOSING_REASON, report.closingReason() == null ? null : report.closingReason().name())
                    .put(DataField.REPORTED_ON, iso(report.reportedOn()));
        } else if (record instanceof Exemption exemption) {
            view.put(DataField.ARTICLE, exemption.article().code())
                    .put(DataField.PREVIOUSLY_EXEMPT, exemption.previouslyExempt())
                    .put(DataField.GROUNDS, exemption.grounds())
                    .put(DataField.STATUS, exemption.status().name());
        } else if (record instanceof AbsoluteAbsence absence) {
            view.put(DataField.STATUS, absence.status().name());
        } else if (!(record instanceof SickReport)) {
            throw new IllegalArgumentException("unknown record kind: " + record.kind());
        }
        view.put(DataField.LAST_CHANGED, iso(record.lastChanged()));
        return view.build();
    }

    private static void putPupil(RecordView.Builder view, Pupil pupil) {
        PupilIdentifier id = pupil.identifier();
        view.put(id.type() == PupilIdentifier.Type.BSN ? DataField.BSN : DataField.ONDERWIJSNUMMER, id.value())
                .put(DataField.BIRTH_DATE, iso(pupil.birthDate()))
                .put(DataField.MUNICIPALITY, pupil.municipality())
                .put(DataField.POSTCODE, pupil.postcode());
    }

    private static void putSchool(RecordView.Builder view, Enrolment school) {
        view.put(DataField.BRIN, school.brin())
                .put(DataField.BRANCH, school.branch())
                .put(DataField.SECTOR, school.sector())
                .put(DataField.PARTNERSHIP, school.partnership())
                .put(DataField.GRADE, school.grade());
    }

    /**
     * The reporter as a view holds it: its present parts ({@code name}, {@code role}, {@code phone}, {@code email}) in
     * that order, immutable.
     */
    public static Map<String, String> reporter(Reporter reporter) {
        String[] parts = {reporter.name(), reporter.role(), reporter.phone(), reporter.email()};
        int present = 0;
        for (String part : parts) {
            if (part != null) {
                present++;
            }
        }
        String[] keys = new String[present];
        String[] values = new String[present];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != null) {
                keys[at] = REPORTER_PARTS[i];
                values[at++] = parts[i];
            }
        }
        return new OrderedParts(keys, values);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** ISO-8601 with offset and always with seconds, e.g. {@code 2024-10-01T09:12:00+02:00}. */
    private static String iso(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
