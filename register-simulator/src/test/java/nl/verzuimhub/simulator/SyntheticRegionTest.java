package nl.verzuimhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.verzuimhub.core.calendar.HolidayRegion;
import nl.verzuimhub.core.identity.ElevenTest;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.SickReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticRegionTest {
    private static final SyntheticRegion REGION = SyntheticRegion.generate(42, 4000);
    private static final Set<String> MUNICIPALITIES =
            Set.of("0363", "0599", "0518", "0362", "0384", "0358", "0437", "0451");

    @Test
    void sameSeedAndSizeGiveIdenticalMutations() {
        SyntheticRegion again = SyntheticRegion.generate(42, 4000);

        assertThat(again.mutations()).isEqualTo(REGION.mutations());
        assertThat(again.municipalities()).isEqualTo(REGION.municipalities());
        assertThat(again.partnerships()).isEqualTo(REGION.partnerships());
    }

    @Test
    void differentSeedGivesADifferentRegion() {
        SyntheticRegion other = SyntheticRegion.generate(43, 4000);

        assertThat(other.mutations()).isNotEqualTo(REGION.mutations());
        assertThat(other.mutations().get(0)).isNotEqualTo(REGION.mutations().get(0));
    }

    @Test
    void everyBsnPassesTheElevenTestAndEveryOnderwijsnummerItsOwnTest() {
        Set<String> bsns = new HashSet<>();
        Set<String> onderwijsnummers = new HashSet<>();
        for (Mutation mutation : REGION.mutations()) {
            PupilIdentifier id = mutation.record().pupil().identifier();
            (id.type() == PupilIdentifier.Type.BSN ? bsns : onderwijsnummers).add(id.value());
        }

        assertThat(bsns).allSatisfy(bsn -> assertThat(ElevenTest.isValidBsn(bsn)).as("BSN passes").isTrue());
        assertThat(onderwijsnummers).isNotEmpty().allSatisfy(number -> {
            assertThat(number).startsWith("10");
            assertThat(ElevenTest.isValidOnderwijsnummer(number)).as("onderwijsnummer passes").isTrue();
        });
        assertThat(bsns).as("some BSNs start with a zero").anyMatch(bsn -> bsn.startsWith("0"));
    }

    @Test
    void eachPupilNumberBelongsToOnePupil() {
        Map<String, Set<LocalDate>> birthDates = new HashMap<>();
        for (Mutation mutation : REGION.mutations()) {
            birthDates.computeIfAbsent(mutation.record().pupil().identifier().value(), k -> new HashSet<>())
                    .add(mutation.record().pupil().birthDate());
        }

        assertThat(birthDates.values()).allSatisfy(dates -> assertThat(dates).hasSize(1));
    }

    @Test
    void sequencesStartAtOneAndStrictlyIncreaseWithOccasionalGaps() {
        List<Mutation> mutations = REGION.mutations();
        int gaps = 0;
        for (int i = 1; i < mutations.size(); i++) {
            long step = mutations.get(i).sequence() - mutations.get(i - 1).sequence();
            assertThat(step).as("sequence step at %d", i).isPositive();
            gaps += step > 1 ? 1 : 0;
        }

        assertThat(mutations.get(0).sequence()).isEqualTo(1);
        assertThat(gaps).isBetween(1, mutations.size() / 10);
    }

    @Test
    void mutationsAreOrderedByTimeWithinTheSchoolYearOnWeekdaysInOfficeHours() {
        OffsetDateTime previous = null;
        for (Mutation mutation : REGION.mutations()) {
            OffsetDateTime at = mutation.occurredAt();
            if (previous != null) {
                assertThat(at).isAfterOrEqualTo(previous);
            }
            previous = at;
            assertThat(at.getOffset()).isEqualTo(SimulatorCalendar.ZONE.getRules().getOffset(at.toInstant()));
            assertThat(at.toLocalDate()).isBetween(LocalDate.of(2024, 8, 1), LocalDate.of(2025, 7, 31));
            assertThat(at.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(at.toLocalTime()).isBetween(LocalTime.of(7, 0), LocalTime.of(17, 0));
            assertThat(mutation.record().lastChanged()).isEqualTo(at);
        }
    }

    @Test
    void everyObjectsVersionsIncreaseByOneFromNieuwAndNothingFollowsAWithdrawal() {
        for (List<Mutation> versions : objects(REGION).values()) {
            for (int i = 0; i < versions.size(); i++) {
                Mutation mutation = versions.get(i);
                assertThat(mutation.record().version()).isEqualTo(i + 1);
                assertThat(mutation.action() == MutationAction.NIEUW).isEqualTo(i == 0);
                if (i < versions.size() - 1) {
                    assertThat(mutation.action()).isNotEqualTo(MutationAction.INGETROKKEN);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {42, 1, 2, 3, 4, 5, 2025, -7})
    void aRunSizedRegionHasEveryKindActionAbsenceTypeAndExemptionArticle(long seed) {
        List<Mutation> mutations = seed == 42 ? REGION.mutations() : SyntheticRegion.generate(seed, 4000).mutations();

        assertThat(mutations.stream().map(m -> m.record().kind()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(RecordKind.values());
        assertThat(mutations.stream().map(Mutation::action).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(MutationAction.values());
        assertThat(records(mutations, AbsenceReport.class).stream().map(AbsenceReport::absenceType)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(AbsenceType.values());
        assertThat(records(mutations, Exemption.class).stream().map(Exemption::article)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(ExemptionArticle.values());
        assertThat(records(mutations, AbsenceReport.class).stream().map(AbsenceReport::status)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(ReportStatus.values());
        assertThat(records(mutations, Exemption.class).stream().map(Exemption::status)
                .collect(Collectors.toSet())).contains(ExemptionStatus.ACTIEF, ExemptionStatus.BEEINDIGD);
    }

    @Test
    void recordMixIsRoughlyThatOfARealRegion() {
        Map<RecordKind, Long> objects = objects(REGION).values().stream()
                .collect(Collectors.groupingBy(v -> v.get(0).record().kind(), Collectors.counting()));

        // per 1000 pupils: ~60 absence reports, ~10 exemptions, ~120 sick reports, ~3 absolute-absence signals
        assertThat(objects.get(RecordKind.VERZUIMMELDING)).isBetween(180L, 320L);
        assertThat(objects.get(RecordKind.VRIJSTELLING)).isBetween(25L, 60L);
        assertThat(objects.get(RecordKind.ZIEKMELDING)).isBetween(380L, 580L);
        assertThat(objects.get(RecordKind.ABSOLUUT_VERZUIM)).isBetween(4L, 25L);
        long withdrawn = objects(REGION).values().stream()
                .filter(v -> v.get(v.size() - 1).action() == MutationAction.INGETROKKEN).count();
        assertThat(withdrawn).isBetween(10L, 80L);
    }

    @Test
    void somePupilsMoveToAnotherMunicipalityBetweenVersionsOfOneObject() {
        List<List<Mutation>> moved = objects(REGION).values().stream()
                .filter(v -> v.stream().map(m -> m.record().pupil().municipality()).distinct().count() > 1)
                .toList();

        assertThat(moved).isNotEmpty().allSatisfy(versions -> {
            String first = versions.get(0).record().pupil().municipality();
            String last = versions.get(versions.size() - 1).record().pupil().municipality();
            assertThat(last).as("the later version carries the new Woongemeente").isNotEqualTo(first);
        });
    }

    @Test
    void somePupilsChangeSchoolBetweenVersionsOfOneObject() {
        assertThat(objects(REGION).values()).anySatisfy(versions -> assertThat(versions.stream()
                .map(m -> m.record().school().map(Enrolment::brin).orElse("")).distinct()).hasSizeGreaterThan(1));
    }

    @Test
    void allEightMunicipalitiesAndTheAmsterdamPartnershipsOccur() {
        assertThat(REGION.municipalities()).isEqualTo(MUNICIPALITIES);
        assertThat(REGION.partnerships()).contains("PO2701", "VO2701", "PO2702", "VO2702", "PO2801", "VO2801",
                "PO2805", "VO2805");
        Set<String> used = REGION.mutations().stream().map(m -> m.record().pupil().municipality())
                .collect(Collectors.toSet());
        assertThat(used).isEqualTo(REGION.municipalities());
    }

    @Test
    void someDiemenPupilsAttendAnAmsterdamSchoolAndSomeAmstellandPupilsASchoolOfPartnership2701() {
        Map<String, Municipality> schoolMunicipality = new HashMap<>();
        for (School school : new SchoolNetwork(new SplittableRandom(Seeds.derive(42, Seeds.SCHOOLS))).schools()) {
            schoolMunicipality.put(school.brin(), school.municipality());
        }

        assertThat(REGION.mutations()).anySatisfy(m -> {
            assertThat(m.record().pupil().municipality()).isEqualTo("0384");
            assertThat(schoolMunicipality.get(m.record().school().map(Enrolment::brin).orElse("")))
                    .isEqualTo(Municipality.AMSTERDAM);
        });
        assertThat(REGION.mutations()).anySatisfy(m -> {
            assertThat(m.record().pupil().municipality()).isIn("0362", "0358", "0437", "0451");
            assertThat(m.record().school().map(Enrolment::partnership).orElse("")).isIn("PO2701", "VO2701");
        });
    }

    @Test
    void pupilDetailsHaveTheRegistersFormatsAndRealisticShares() {
        Pattern postcode = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");
        Pattern brin = Pattern.compile("[0-9]{2}[A-Z]{2}");
        Pattern partnership = Pattern.compile("(PO|VO)[0-9]{4}");
        Map<String, String> postcodeByPupil = new HashMap<>();
        for (Mutation mutation : REGION.mutations()) {
            RegisterRecord record = mutation.record();
            String code = record.pupil().postcode();
            if (code != null) {
                assertThat(code).matches(postcode);
            }
            postcodeByPupil.put(record.pupil().identifier().value(), code);
            record.school().ifPresent(school -> {
                assertThat(school.brin()).matches(brin);
                assertThat(school.partnership()).matches(partnership);
                if (school.branch() != null) {
                    assertThat(school.branch()).matches("[0-9]{2}");
                }
            });
        }
        long withoutPostcode = postcodeByPupil.values().stream().filter(p -> p == null).count();
        assertThat((double) withoutPostcode / postcodeByPupil.size()).isBetween(0.2, 0.4);
        assertThat(REGION.mutations()).anySatisfy(m -> assertThat(m.record().school()
                .map(Enrolment::branch)).isPresent());
    }

    @Test
    void pupilsAreAgedFourToTwentyTwoAndAttendASchoolOfTheirAgesSector() {
        for (Mutation mutation : REGION.mutations()) {
            RegisterRecord record = mutation.record();
            int age = ageOn(record.pupil().birthDate(), SimulatorCalendar.REFERENCE_DATE);
            assertThat(age).isBetween(4, 22);
            record.school().ifPresent(school -> {
                switch (school.sector()) {
                    case "PO" -> assertThat(age).isBetween(4, 12);
                    case "SO" -> assertThat(age).isBetween(4, 13);
                    case "VO" -> assertThat(age).isBetween(12, 18);
                    case "VSO" -> assertThat(age).isBetween(12, 20);
                    case "MBO" -> assertThat(age).isBetween(16, 23);
                    default -> throw new AssertionError("unknown sector " + school.sector());
                }
                assertThat(school.partnership()).startsWith(
                        school.sector().equals("PO") || school.sector().equals("SO") ? "PO" : "VO");
            });
        }
    }

    @Test
    void absenceReportsFitTheirTypesRules() {
        for (AbsenceReport report : records(REGION.mutations(), AbsenceReport.class)) {
            int age = ageOn(report.pupil().birthDate(), report.period().start());
            switch (report.absenceType()) {
                case V3 -> assertThat(age).isBetween(5, 17);
                case V4 -> assertThat(age).isGreaterThanOrEqualTo(18);
                case RMC -> assertThat(age).isBetween(18, 22);
                default -> assertThat(age).isBetween(5, 22);
            }
            if (report.absenceType() == AbsenceType.V3 || report.absenceType() == AbsenceType.V4) {
                assertThat(report.hours()).isGreaterThanOrEqualTo(BigDecimal.valueOf(16));
                assertThat(report.period().end()).isNotNull();
                assertThat(schoolDays(report, report.period().end()))
                        .as("within 4 school weeks").isLessThanOrEqualTo(20);
            }
            if (report.absenceType() == AbsenceType.O) {
                assertThat(report.hours()).isLessThan(BigDecimal.valueOf(16));
            }
            if (report.hours() != null) {
                assertThat(report.hours().scale()).isLessThanOrEqualTo(2);
                assertThat(new BigDecimal(MutatieBatchWriter.hours(report.hours())))
                        .as("hours equal what a reader parses back from the page").isEqualTo(report.hours());
                assertThat(report.hours()).isLessThanOrEqualTo(BigDecimal.valueOf(8L * report.days()));
            }
            assertThat(report.days()).isPositive();
            if (report.period().end() != null) {
                assertThat(report.days()).isLessThanOrEqualTo(
                        (int) ChronoUnit.DAYS.between(report.period().start(), report.period().end()) + 1);
            }
            assertThat(report.closingReason() != null).isEqualTo(report.status() == ReportStatus.AFGESLOTEN);
            assertThat(report.reportedOn()).isAfterOrEqualTo(report.period().start());
            assertThat(report.reporter().name()).isNotBlank().hasSizeLessThanOrEqualTo(100);
        }
    }

    @Test
    void withdrawnObjectsCarryTheWithdrawnStatus() {
        for (Mutation mutation : REGION.mutations()) {
            boolean withdrawn = mutation.action() == MutationAction.INGETROKKEN;
            if (mutation.record() instanceof AbsenceReport r) {
                assertThat(r.status() == ReportStatus.INGETROKKEN).isEqualTo(withdrawn);
            } else if (mutation.record() instanceof Exemption e) {
                assertThat(e.status() == ExemptionStatus.INGETROKKEN).isEqualTo(withdrawn);
            } else if (mutation.record() instanceof AbsoluteAbsence a) {
                assertThat(a.status() == ReportStatus.INGETROKKEN).isEqualTo(withdrawn);
            }
        }
    }

    @Test
    void exemptionsFitTheirArticlesAndFiveAAlwaysHasMedicalGrounds() {
        List<Exemption> exemptions = records(REGION.mutations(), Exemption.class);
        Map<ExemptionArticle, Long> perArticle = exemptions.stream().filter(e -> e.version() == 1)
                .collect(Collectors.groupingBy(Exemption::article, Collectors.counting()));
        for (Exemption exemption : exemptions) {
            int age = ageOn(exemption.pupil().birthDate(), exemption.period().start());
            assertThat(age).isBetween(5, 17);
            if (exemption.article() == ExemptionArticle.ART_5A) {
                assertThat(exemption.grounds()).contains("jeugdarts");
            }
        }
        assertThat(perArticle.get(ExemptionArticle.ART_5A)).isEqualTo(perArticle.values().stream()
                .max(Long::compare).orElseThrow());
        assertThat(exemptions).anySatisfy(e -> assertThat(e.lastEnrolment()).isNotNull());
        assertThat(exemptions).anySatisfy(e -> assertThat(e.status()).isEqualTo(ExemptionStatus.BEEINDIGD));
    }

    @Test
    void sickReportsLastOneToTenSchoolDaysAndSomePupilsHaveFourWithinTwelveWeeks() {
        List<SickReport> sick = records(REGION.mutations(), SickReport.class);
        Map<String, List<LocalDate>> startsPerPupil = new HashMap<>();
        for (SickReport report : sick) {
            if (report.period().end() != null) {
                assertThat(schoolDays(report, report.period().end())).isBetween(1, 10);
            }
            if (report.version() == 1) {
                startsPerPupil.computeIfAbsent(report.pupil().identifier().value(), k -> new ArrayList<>())
                        .add(report.period().start());
            }
        }
        long signalled = startsPerPupil.values().stream().filter(starts -> {
            starts.sort(null);
            for (int i = 3; i < starts.size(); i++) {
                if (ChronoUnit.DAYS.between(starts.get(i - 3), starts.get(i)) < 12 * 7) {
                    return true;
                }
            }
            return false;
        }).count();
        assertThat(signalled).isGreaterThanOrEqualTo(5);
        assertThat(sick).anySatisfy(r -> assertThat(r.period().end()).isNull());
        assertThat(sick).anySatisfy(r -> assertThat(schoolDays(r,
                r.period().end() == null ? r.period().start() : r.period().end())).isGreaterThan(6));
    }

    @Test
    void absoluteAbsenceConcernsCompulsoryAgePupilsSomeWithAnOnderwijsnummerAndSomeClosed() {
        List<AbsoluteAbsence> signals = records(REGION.mutations(), AbsoluteAbsence.class);

        assertThat(signals).allSatisfy(a -> assertThat(ageOn(a.pupil().birthDate(), SimulatorCalendar.REFERENCE_DATE))
                .isBetween(5, 17));
        assertThat(signals).anySatisfy(a -> assertThat(a.pupil().identifier().type())
                .isEqualTo(PupilIdentifier.Type.ONDERWIJSNUMMER));
        assertThat(signals).anySatisfy(a -> assertThat(a.status()).isEqualTo(ReportStatus.AFGESLOTEN));
        assertThat(signals).anySatisfy(a -> assertThat(a.lastEnrolment()).isNotNull());
        assertThat(signals).anySatisfy(a -> assertThat(a.lastEnrolment()).isNull());
    }

    @Test
    void generatesARunSizedRegionWellUnderASecond() {
        long start = System.nanoTime();
        SyntheticRegion region = SyntheticRegion.generate(7, 4000);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(region.mutations()).isNotEmpty();
        assertThat(millis).isLessThan(3000);
    }

    @Test
    void aHundredThousandPupilRegionHasAProportionateFeed() {
        SyntheticRegion large = SyntheticRegion.generate(42, 100_000);
        List<Mutation> mutations = large.mutations();

        assertThat(mutations.size()).isBetween(30_000, 60_000);
        assertThat(mutations.get(mutations.size() - 1).sequence()).isGreaterThan(mutations.size());
        assertThat(large.municipalities()).isEqualTo(MUNICIPALITIES);
        long pupils = mutations.stream().map(m -> m.record().pupil().identifier().value()).distinct().count();
        assertThat(pupils).isBetween(10_000L, 20_000L);
    }

    @Test
    void aRegionWithoutPupilsHasAnEmptyFeedAndANegativeSizeIsRefused() {
        assertThat(SyntheticRegion.generate(42, 0).mutations()).isEmpty();
        assertThatThrownBy(() -> SyntheticRegion.generate(42, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticRegion.generate(42, SyntheticRegion.MAX_PUPILS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, List<Mutation>> objects(SyntheticRegion region) {
        Map<String, List<Mutation>> objects = new LinkedHashMap<>();
        for (Mutation mutation : region.mutations()) {
            objects.computeIfAbsent(mutation.record().kind() + "/" + mutation.record().id(), k -> new ArrayList<>())
                    .add(mutation);
        }
        return objects;
    }

    private static <T extends RegisterRecord> List<T> records(List<Mutation> mutations, Class<T> type) {
        return mutations.stream().map(Mutation::record).filter(type::isInstance).map(type::cast).toList();
    }

    private static int ageOn(LocalDate birthDate, LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }

    /**
     * School days from the record's period start to {@code end}, both inclusive, in the holiday region of the pupil's
     * municipality (in this region a pupil's school always lies in the same holiday region as their home).
     */
    private static int schoolDays(RegisterRecord record, LocalDate end) {
        HolidayRegion region = Arrays.stream(Municipality.values())
                .filter(m -> m.code().equals(record.pupil().municipality())).findFirst().orElseThrow().holidayRegion();
        SimulatorCalendar.Days days = SimulatorCalendar.INSTANCE.schoolDays(region);
        return days.indexOnOrBefore(end) - days.indexOnOrAfter(record.period().start()) + 1;
    }
}
