package nl.verzuimhub.policies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

/** Synthetic records for policy tests. BSNs pass the eleven-test and belong to no one. */
final class Records {
    static final String BSN = "111222333";
    static final OffsetDateTime CHANGED = OffsetDateTime.parse("2024-10-01T09:12:00+02:00");

    private Records() {
    }

    static Pupil pupil(String municipality) {
        return new Pupil(PupilIdentifier.bsn(BSN), LocalDate.parse("2011-03-14"), municipality, "1012AB");
    }

    static Pupil pupil(PupilIdentifier identifier, String birthDate, String municipality) {
        return new Pupil(identifier, LocalDate.parse(birthDate), municipality, "1012AB");
    }

    /** An absence report of any type for any pupil; school null means none (not allowed for reports: use one). */
    static AbsenceReport absenceReport(Pupil pupil, String partnership, AbsenceType type) {
        return new AbsenceReport("VM-1", 1, pupil, school(partnership), type,
                new Period(LocalDate.parse("2024-09-03"), LocalDate.parse("2024-09-27")), new BigDecimal("17"), 6,
                false, "free text reason", "free text action", true,
                new Reporter("J. Tester", "Verzuimcoordinator", "020-5550101", "verzuim@school.example"),
                ReportStatus.GEREGISTREERD, null, LocalDate.parse("2024-10-01"), CHANGED);
    }

    static SickReport sickReport(String municipality, String partnership, String start, String end) {
        return new SickReport("ZM-1", 1, pupil(municipality), school(partnership),
                new Period(LocalDate.parse(start), end == null ? null : LocalDate.parse(end)), CHANGED);
    }

    static Enrolment school(String partnership) {
        return new Enrolment("12AB", "00", "VO", partnership, 2);
    }

    static AbsenceReport absenceReport(String municipality, String partnership) {
        return new AbsenceReport("VM-1", 1, pupil(municipality), school(partnership), AbsenceType.V3,
                new Period(LocalDate.parse("2024-09-03"), LocalDate.parse("2024-09-27")), new BigDecimal("17"), 6,
                false, "free text reason", "free text action", true,
                new Reporter("J. Tester", "Verzuimcoordinator", "020-5550101", "verzuim@school.example"),
                ReportStatus.GEREGISTREERD, null, LocalDate.parse("2024-10-01"), CHANGED);
    }

    static Exemption exemption(String municipality, String partnership) {
        return new Exemption("VR-1", 1, pupil(municipality), school(partnership), ExemptionArticle.ART_5A,
                new Period(LocalDate.parse("2024-10-01"), LocalDate.parse("2025-07-31")), true, "medical grounds",
                ExemptionStatus.ACTIEF, CHANGED);
    }

    static SickReport sickReport(String municipality, String partnership) {
        return new SickReport("ZM-1", 1, pupil(municipality), school(partnership),
                new Period(LocalDate.parse("2024-09-23"), LocalDate.parse("2024-10-02")), CHANGED);
    }

    static AbsoluteAbsence absoluteAbsence(String municipality, String partnership) {
        return new AbsoluteAbsence("AV-1", 1, pupil(municipality), partnership == null ? null : school(partnership),
                new Period(LocalDate.parse("2024-08-01"), null), ReportStatus.GEREGISTREERD, CHANGED);
    }
}
