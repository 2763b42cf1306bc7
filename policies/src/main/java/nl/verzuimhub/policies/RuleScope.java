package nl.verzuimhub.policies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.recipient.Recipient;

/**
 * Which records of its kinds a rule covers. Every part that is set must hold; an empty set or a null bound means
 * "no condition".
 *
 * @param residence     relative to the recipient: its municipality, GGD region or RMC region
 * @param school        relative to the recipient: its samenwerkingsverband
 * @param municipalities explicit CBS codes of the municipality of residence
 * @param partnerships  explicit samenwerkingsverband codes of the (last) school
 * @param ggdRegions    explicit GGD region ids the pupil must live in
 * @param minAge        inclusive, age in whole years at the start of the record's period
 * @param maxAge        inclusive
 * @param statuses      register status codes (GEREGISTREERD, ACTIEF, ...); a sick report has no status
 * @param absenceTypes  verzuimsoort codes of absence reports (V3, V4, LRV, L, RMC, O)
 * @param articles      exemption articles (3a, 3b, 5a, 5b, 5c, 15)
 * @param from          inclusive: the record's period starts on or after this date
 * @param to            inclusive: the record's period starts on or before this date
 */
public record RuleScope(ResidenceScope residence, SchoolScope school, Set<String> municipalities,
                        Set<String> partnerships, Set<String> ggdRegions, Integer minAge, Integer maxAge,
                        Set<String> statuses, Set<String> absenceTypes, Set<String> articles, LocalDate from,
                        LocalDate to) {
    public static final RuleScope EVERYTHING = new RuleScope(ResidenceScope.ANY, SchoolScope.ANY, Set.of(), Set.of(),
            Set.of(), null, null, Set.of(), Set.of(), Set.of(), null, null);

    public RuleScope {
        residence = residence == null ? ResidenceScope.ANY : residence;
        school = school == null ? SchoolScope.ANY : school;
        municipalities = Set.copyOf(Objects.requireNonNullElse(municipalities, Set.of()));
        partnerships = Set.copyOf(Objects.requireNonNullElse(partnerships, Set.of()));
        ggdRegions = Set.copyOf(Objects.requireNonNullElse(ggdRegions, Set.of()));
        statuses = Set.copyOf(Objects.requireNonNullElse(statuses, Set.of()));
        absenceTypes = Set.copyOf(Objects.requireNonNullElse(absenceTypes, Set.of()));
        articles = Set.copyOf(Objects.requireNonNullElse(articles, Set.of()));
    }

    public static RuleScope of(ResidenceScope residence, SchoolScope school) {
        return new RuleScope(residence, school, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether the record lies in this scope for this recipient. Pure; allocation-free on the hot path. */
    public boolean covers(RegisterRecord record, Recipient recipient, RegionDirectory regions) {
        return firstMiss(record, recipient, regions) == null;
    }

    /** The first part of the scope the record misses, in words without personal data; null when covered. */
    public String firstMiss(RegisterRecord record, Recipient recipient, RegionDirectory regions) {
        String municipality = record.pupil().municipality();
        String code = recipient.organisation().code();
        switch (residence) {
            case RECIPIENT_MUNICIPALITY:
                if (!municipality.equals(code)) {
                    return "the pupil does not live in the recipient's municipality " + code;
                }
                break;
            case RECIPIENT_GGD_REGION:
                if (!regions.ggdRegionContains(code, municipality)) {
                    return "the pupil does not live in the recipient's GGD region " + code;
                }
                break;
            case RECIPIENT_RMC_REGION:
                if (!regions.rmcRegionContains(code, municipality)) {
                    return "the pupil does not live in the recipient's RMC region " + code;
                }
                break;
            default:
                break;
        }
        if (!municipalities.isEmpty() && !municipalities.contains(municipality)) {
            return "the pupil's municipality of residence is not one of " + sorted(municipalities);
        }
        if (!ggdRegions.isEmpty() && !inAnyGgdRegion(municipality, regions)) {
            return "the pupil does not live in GGD region " + sorted(ggdRegions);
        }
        if (school != SchoolScope.ANY || !partnerships.isEmpty()) {
            Enrolment enrolment = record.school().orElse(null);
            if (enrolment == null) {
                return "the record names no (last) school";
            }
            if (school == SchoolScope.RECIPIENT_PARTNERSHIP && !enrolment.partnership().equals(code)) {
                return "the (last) school is not in the recipient's samenwerkingsverband " + code;
            }
            if (!partnerships.isEmpty() && !partnerships.contains(enrolment.partnership())) {
                return "the (last) school is not in samenwerkingsverband " + sorted(partnerships);
            }
        }
        if (minAge != null || maxAge != null) {
            int age = Ages.at(record.pupil().birthDate(), record.period().start());
            if (minAge != null && age < minAge || maxAge != null && age > maxAge) {
                return "the pupil's age at the start of the period lies outside " + ageRange();
            }
        }
        if (!statuses.isEmpty()) {
            String status = status(record);
            if (status == null || !statuses.contains(status)) {
                return "the record's status is not one of " + sorted(statuses);
            }
        }
        if (!absenceTypes.isEmpty()) {
            if (!(record instanceof AbsenceReport) || !absenceTypes.contains(((AbsenceReport) record).absenceType().name())) {
                return "the absence type is not one of " + sorted(absenceTypes);
            }
        }
        if (!articles.isEmpty()) {
            if (!(record instanceof Exemption) || !articles.contains(((Exemption) record).article().code())) {
                return "the exemption article is not one of " + sorted(articles);
            }
        }
        LocalDate start = record.period().start();
        if (from != null && start.isBefore(from) || to != null && start.isAfter(to)) {
            return "the period starts outside the window " + (from == null ? "..." : from) + " to "
                    + (to == null ? "..." : to);
        }
        return null;
    }

    /** The register's status code of a record, or null for a sick report (which has none). */
    public static String status(RegisterRecord record) {
        if (record instanceof AbsenceReport) {
            return ((AbsenceReport) record).status().name();
        }
        if (record instanceof Exemption) {
            return ((Exemption) record).status().name();
        }
        if (record instanceof AbsoluteAbsence) {
            return ((AbsoluteAbsence) record).status().name();
        }
        return null;
    }

    /** Human-readable, for explanations and the processing register. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (residence != ResidenceScope.ANY) {
            parts.add("residence: " + residence.yamlName());
        }
        if (school != SchoolScope.ANY) {
            parts.add("school: " + school.yamlName());
        }
        if (!municipalities.isEmpty()) {
            parts.add("municipalities " + sorted(municipalities));
        }
        if (!partnerships.isEmpty()) {
            parts.add("partnerships " + sorted(partnerships));
        }
        if (!ggdRegions.isEmpty()) {
            parts.add("GGD regions " + sorted(ggdRegions));
        }
        if (minAge != null || maxAge != null) {
            parts.add("age " + ageRange());
        }
        if (!statuses.isEmpty()) {
            parts.add("statuses " + sorted(statuses));
        }
        if (!absenceTypes.isEmpty()) {
            parts.add("absence types " + sorted(absenceTypes));
        }
        if (!articles.isEmpty()) {
            parts.add("articles " + sorted(articles));
        }
        if (from != null || to != null) {
            parts.add("period starting " + (from == null ? "..." : from) + " to " + (to == null ? "..." : to));
        }
        return parts.isEmpty() ? "everything" : String.join(", ", parts);
    }

    private String ageRange() {
        return (minAge == null ? "0" : minAge) + ".." + (maxAge == null ? "" : maxAge);
    }

    private boolean inAnyGgdRegion(String municipality, RegionDirectory regions) {
        for (String region : ggdRegions) {
            if (regions.ggdRegionContains(region, municipality)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
