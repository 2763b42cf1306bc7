package nl.verzuimhub.policies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
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
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.Reporter;
import nl.verzuimhub.core.record.SickReport;

/** Synthetic random records for property tests: identifiers pass the eleven-test and belong to no one. */
final class RandomRecords {
    static final List<String> MUNICIPALITIES = List.of("0358", "0362", "0363", "0599", "0518");
    static final List<String> PARTNERSHIPS = List.of("VO2701", "PO2701", "PO2801", "VO2801");

    private final Random random;

    RandomRecords(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    String bsn() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                int digit = random.nextInt(10);
                digits.append(digit);
                sum += (9 - i) * digit;
            }
            int check = sum % 11;
            if (check <= 9 && sum - check > 0) {
                String bsn = digits.append(check).toString();
                if (nl.verzuimhub.core.identity.ElevenTest.isValidBsn(bsn)) {
                    return bsn;
                }
            }
        }
    }

    PupilIdentifier identifier() {
        if (random.nextInt(5) > 0) {
            return PupilIdentifier.bsn(bsn());
        }
        while (true) {
            StringBuilder digits = new StringBuilder("10");
            for (int i = 0; i < 7; i++) {
                digits.append(random.nextInt(10));
            }
            if (nl.verzuimhub.core.identity.ElevenTest.isValidOnderwijsnummer(digits)) {
                return PupilIdentifier.onderwijsnummer(digits.toString());
            }
        }
    }

    RegisterRecord any() {
        Pupil pupil = new Pupil(identifier(), LocalDate.of(1998 + random.nextInt(20), 1 + random.nextInt(12),
                1 + random.nextInt(28)), pick(MUNICIPALITIES), random.nextBoolean() ? "1012AB" : null);
        Enrolment school = new Enrolment("12AB", random.nextBoolean() ? "00" : null, "VO", pick(PARTNERSHIPS),
                random.nextBoolean() ? 2 : null);
        LocalDate start = LocalDate.of(2024, 9, 1).plusDays(random.nextInt(120));
        Period period = new Period(start, random.nextBoolean() ? start.plusDays(random.nextInt(30)) : null);
        OffsetDateTime changed = OffsetDateTime.of(2024, 10, 1, random.nextInt(24), random.nextInt(60),
                random.nextInt(60), random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0,
                ZoneOffset.ofHours(random.nextInt(3)));
        switch (random.nextInt(4)) {
            case 0:
                return new AbsenceReport("VM-" + random.nextInt(1000), 1, pupil, school, pick(AbsenceType.values()),
                        period, random.nextBoolean() ? new BigDecimal("17.5") : null, random.nextBoolean() ? 6 : null,
                        random.nextBoolean(), random.nextBoolean() ? "free text" : null,
                        random.nextBoolean() ? "action" : null, random.nextBoolean(),
                        new Reporter("R. Tester", random.nextBoolean() ? "Mentor" : null, null, "r@example.org"),
                        pick(ReportStatus.values()), random.nextBoolean() ? pick(ClosingReason.values()) : null,
                        start.plusDays(3), changed);
            case 1:
                return new Exemption("VR-" + random.nextInt(1000), 1, pupil, random.nextBoolean() ? school : null,
                        pick(ExemptionArticle.values()), period, random.nextBoolean(),
                        random.nextBoolean() ? "grounds" : null, pick(ExemptionStatus.values()), changed);
            case 2:
                return new SickReport("ZM-" + random.nextInt(1000), 1, pupil, school, period, changed);
            default:
                return new AbsoluteAbsence("AV-" + random.nextInt(1000), 1, pupil, random.nextBoolean() ? school : null,
                        period, pick(ReportStatus.values()), changed);
        }
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }
}
