package nl.verzuimhub.core.testdata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.verzuimhub.core.identity.ElevenTest;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.Pupil;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.Reporter;
import nl.verzuimhub.core.record.SickReport;

/**
 * Synthetic records for rule and statistics tests: pupil {@code n} gets the n-th nine-digit number from 100000000 on
 * that passes the eleven test (belonging to no one known), living in municipality 0363 at a school of partnership
 * VO2701 unless told otherwise.
 */
public final class TestRecords {
    public static final Enrolment SCHOOL = new Enrolment("12AB", "00", "VO", "VO2701", 2);
    private static final Reporter REPORTER = new Reporter("J. Tester", "Verzuimcoordinator", "020-5550101",
            "verzuim@school.example");

    private TestRecords() {
    }

    /** The n-th synthetic pupil (n from 0), living in {@code municipality}. */
    public static Pupil pupil(int n, String municipality) {
        int found = -1;
        for (long candidate = 100_000_000L; ; candidate++) {
            String digits = Long.toString(candidate);
            if (ElevenTest.isValidBsn(digits) && ++found == n) {
                return new Pupil(PupilIdentifier.bsn(digits), LocalDate.parse("2011-03-14"), municipality, "1012AB");
            }
        }
    }

    public static Pupil pupil(int n) {
        return pupil(n, "0363");
    }

    public static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    public static OffsetDateTime changedOn(String iso) {
        return LocalDate.parse(iso).atTime(9, 0).atOffset(ZoneOffset.ofHours(2));
    }

    public static AbsenceReport report(String id, Pupil pupil, AbsenceType type, String start, String end,
                                       String hours, ReportStatus status) {
        return new AbsenceReport(id, 1, pupil, SCHOOL, type, new Period(date(start), date(end)),
                hours == null ? null : new BigDecimal(hours), null, false, null, null, false, REPORTER, status, null,
                date(start), changedOn(end != null ? end : start));
    }

    public static AbsenceReport lrv(String id, Pupil pupil, String start, String end) {
        return report(id, pupil, AbsenceType.LRV, start, end, null,
                end == null ? ReportStatus.IN_BEHANDELING : ReportStatus.AFGESLOTEN);
    }

    public static AbsenceReport v3(String id, Pupil pupil, String start, String end, String hours) {
        return report(id, pupil, AbsenceType.V3, start, end, hours, ReportStatus.GEREGISTREERD);
    }

    public static AbsoluteAbsence absolute(String id, Pupil pupil, String start, String end) {
        return new AbsoluteAbsence(id, 1, pupil, SCHOOL, new Period(date(start), date(end)),
                end == null ? ReportStatus.GEREGISTREERD : ReportStatus.AFGESLOTEN, changedOn(end != null ? end : start));
    }

    public static Exemption exemption(String id, Pupil pupil, ExemptionArticle article, String start, String end,
                                      ExemptionStatus status) {
        return new Exemption(id, 1, pupil, SCHOOL, article, new Period(date(start), date(end)), false, null, status,
                changedOn(start));
    }

    public static SickReport sick(String id, Pupil pupil, String start, String end) {
        return new SickReport(id, 1, pupil, SCHOOL, new Period(date(start), date(end)),
                changedOn(end != null ? end : start));
    }
}
