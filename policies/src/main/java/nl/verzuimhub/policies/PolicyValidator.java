package nl.verzuimhub.policies;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Purpose;

/**
 * The checks that need the whole set: a rule that can never match, fields a rule's kinds never hold, a permit that
 * discloses more than its purpose allows, and two permits whose outcome depends on their order. Plus
 * {@link #references}: explicit GGD regions and partnerships must exist in the reference data.
 */
public final class PolicyValidator {
    private static final Set<DataField> COMMON = EnumSet.of(DataField.BSN, DataField.ONDERWIJSNUMMER,
            DataField.BIRTH_DATE, DataField.MUNICIPALITY, DataField.POSTCODE, DataField.BRIN, DataField.BRANCH,
            DataField.SECTOR, DataField.PARTNERSHIP, DataField.GRADE, DataField.PERIOD_START, DataField.PERIOD_END,
            DataField.LAST_CHANGED);

    private PolicyValidator() {
    }

    /** The source fields a record of this kind can hold (as {@code RecordFields.of} reads them). */
    public static Set<DataField> fieldsOf(RecordKind kind) {
        Set<DataField> fields = EnumSet.copyOf(COMMON);
        switch (kind) {
            case VERZUIMMELDING:
                fields.addAll(EnumSet.of(DataField.ABSENCE_TYPE, DataField.HOURS, DataField.DAYS,
                        DataField.ALL_LESSONS_MISSED, DataField.SUSPECTED_REASON, DataField.SCHOOL_ACTION,
                        DataField.MUNICIPAL_ACTION_REQUESTED, DataField.REPORTER, DataField.STATUS,
                        DataField.CLOSING_REASON, DataField.REPORTED_ON));
                break;
            case VRIJSTELLING:
                fields.addAll(EnumSet.of(DataField.ARTICLE, DataField.PREVIOUSLY_EXEMPT, DataField.GROUNDS,
                        DataField.STATUS));
                break;
            case ABSOLUUT_VERZUIM:
                fields.add(DataField.STATUS);
                break;
            default:
                break;
        }
        return fields;
    }

    /** The status codes a record of this kind can have; empty for a sick report. */
    public static Set<String> statusesOf(RecordKind kind) {
        Set<String> statuses = new HashSet<>();
        switch (kind) {
            case VERZUIMMELDING:
            case ABSOLUUT_VERZUIM:
                for (ReportStatus status : ReportStatus.values()) {
                    statuses.add(status.name());
                }
                break;
            case VRIJSTELLING:
                for (ExemptionStatus status : ExemptionStatus.values()) {
                    statuses.add(status.name());
                }
                break;
            default:
                break;
        }
        return statuses;
    }

    static List<PolicyProblem> semantics(Map<String, Purpose> purposes, Map<String, Set<DataField>> purposeFields,
                                         List<DisclosureRule> rules) {
        List<PolicyProblem> problems = new ArrayList<>();
        for (DisclosureRule rule : rules) {
            neverMatches(rule, problems);
            if (rule.isPermit()) {
                permitFields(rule, purposeFields.get(rule.purposeId()), problems);
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                orderDependent(rules.get(i), rules.get(j), problems);
            }
        }
        return problems;
    }

    private static void neverMatches(DisclosureRule rule, List<PolicyProblem> problems) {
        RuleScope scope = rule.scope();
        String what = "rule " + rule.id() + " can never match";
        Set<String> known = new HashSet<>();
        for (RecordKind kind : RecordKind.values()) {
            known.addAll(statusesOf(kind));
        }
        for (String status : scope.statuses()) {
            if (!known.contains(status)) {
                problems.add(problem(rule, "rule " + rule.id() + ": unknown status '" + status + "'"));
            }
        }
        for (RecordKind kind : rule.kinds()) {
            if (!scope.statuses().isEmpty() && Collections.disjoint(scope.statuses(), statusesOf(kind))) {
                problems.add(problem(rule, what + " a " + kind + ": " + (statusesOf(kind).isEmpty()
                        ? kind + " has no status" : kind + " never has status " + scope.statuses())));
            }
            if (!scope.absenceTypes().isEmpty() && kind != RecordKind.VERZUIMMELDING) {
                problems.add(problem(rule, what + " a " + kind + ": only a VERZUIMMELDING has an absence type"));
            }
            if (!scope.articles().isEmpty() && kind != RecordKind.VRIJSTELLING) {
                problems.add(problem(rule, what + " a " + kind + ": only a VRIJSTELLING has an article"));
            }
        }
        for (String type : scope.absenceTypes()) {
            try {
                AbsenceType.valueOf(type);
            } catch (IllegalArgumentException e) {
                problems.add(problem(rule, "rule " + rule.id() + ": unknown absence type '" + type + "'"));
            }
        }
        for (String article : scope.articles()) {
            try {
                ExemptionArticle.fromCode(article);
            } catch (IllegalArgumentException e) {
                problems.add(problem(rule, "rule " + rule.id() + ": unknown exemption article '" + article + "'"));
            }
        }
        if (organisationTypes(scope).size() > 1) {
            problems.add(problem(rule, what + ": its scope compares the recipient's one organisation code with "
                    + organisationTypes(scope) + " at once"));
        }
        if (rule.mazl() && !rule.kinds().equals(Set.of(RecordKind.ZIEKMELDING))) {
            problems.add(problem(rule, "rule " + rule.id() + ": condition mazl applies to ZIEKMELDING only, so the"
                    + " rule can never match its other kinds"));
        }
        if (rule.identifiableWith() != null && !rule.fields().containsValue(FieldTreatment.PSEUDONYMISE)) {
            problems.add(problem(rule, "rule " + rule.id() + ": identifiableWith needs a pseudonymised field"));
        }
        if (rule.isPermit() && rule.fields().values().stream().allMatch(t -> t == FieldTreatment.DROP)) {
            problems.add(problem(rule, "permit " + rule.id() + " discloses no field"));
        }
    }

    private static void permitFields(DisclosureRule rule, Set<DataField> allowed, List<PolicyProblem> problems) {
        Set<DataField> held = EnumSet.noneOf(DataField.class);
        rule.kinds().forEach(kind -> held.addAll(fieldsOf(kind)));
        rule.fields().forEach((field, treatment) -> {
            if (!held.contains(field)) {
                problems.add(problem(rule, "rule " + rule.id() + ": field " + field.jsonName()
                        + " never occurs in " + rule.kinds()));
            }
            DataField target = treatment.target(field);
            if (allowed != null && target != null && !allowed.contains(target)) {
                problems.add(problem(rule, "rule " + rule.id() + " discloses " + target.jsonName()
                        + ", which purpose " + rule.purposeId() + " does not allow"));
            }
        });
    }

    private static void orderDependent(DisclosureRule a, DisclosureRule b, List<PolicyProblem> problems) {
        if (!a.isPermit() || !b.isPermit() || a.role() != b.role() || !a.purposeId().equals(b.purposeId())
                || Collections.disjoint(a.kinds(), b.kinds()) || !mayOverlap(a.scope(), b.scope())) {
            return;
        }
        boolean same = a.fields().equals(b.fields()) && a.mazl() == b.mazl()
                && java.util.Objects.equals(a.identifiableWith(), b.identifiableWith());
        if (!same) {
            problems.add(problem(b, "rules " + a.id() + " (" + a.source() + ") and " + b.id()
                    + " overlap for role " + a.role() + ", purpose " + a.purposeId() + " and kinds "
                    + intersection(a.kinds(), b.kinds()) + " with different fields or conditions: the outcome would"
                    + " depend on their order; make their scopes disjoint or merge them"));
        }
    }

    private static boolean mayOverlap(RuleScope a, RuleScope b) {
        Set<OrganisationType> typesA = organisationTypes(a);
        Set<OrganisationType> typesB = organisationTypes(b);
        if (!typesA.isEmpty() && !typesB.isEmpty() && !typesA.equals(typesB)) {
            return false;
        }
        if (disjoint(a.statuses(), b.statuses()) || disjoint(a.absenceTypes(), b.absenceTypes())
                || disjoint(a.articles(), b.articles()) || disjoint(a.municipalities(), b.municipalities())
                || disjoint(a.partnerships(), b.partnerships()) || disjoint(a.ggdRegions(), b.ggdRegions())) {
            return false;
        }
        int minA = a.minAge() == null ? 0 : a.minAge();
        int maxA = a.maxAge() == null ? Integer.MAX_VALUE : a.maxAge();
        int minB = b.minAge() == null ? 0 : b.minAge();
        int maxB = b.maxAge() == null ? Integer.MAX_VALUE : b.maxAge();
        if (maxA < minB || maxB < minA) {
            return false;
        }
        if (a.to() != null && b.from() != null && a.to().isBefore(b.from())
                || b.to() != null && a.from() != null && b.to().isBefore(a.from())) {
            return false;
        }
        return true;
    }

    /** The organisation types a scope's recipient-relative parts imply for the recipient's code. */
    private static Set<OrganisationType> organisationTypes(RuleScope scope) {
        Set<OrganisationType> types = EnumSet.noneOf(OrganisationType.class);
        switch (scope.residence()) {
            case RECIPIENT_MUNICIPALITY:
                types.add(OrganisationType.MUNICIPALITY);
                break;
            case RECIPIENT_GGD_REGION:
                types.add(OrganisationType.GGD_REGION);
                break;
            case RECIPIENT_RMC_REGION:
                types.add(OrganisationType.RMC_REGION);
                break;
            default:
                break;
        }
        if (scope.school() == SchoolScope.RECIPIENT_PARTNERSHIP) {
            types.add(OrganisationType.PARTNERSHIP);
        }
        return types;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return !a.isEmpty() && !b.isEmpty() && Collections.disjoint(a, b);
    }

    private static <T> Set<T> intersection(Set<T> a, Set<T> b) {
        Set<T> both = new java.util.LinkedHashSet<>(a);
        both.retainAll(b);
        return both;
    }

    /** Explicit GGD regions and partnerships in scopes must exist in the reference data. */
    public static List<PolicyProblem> references(PolicySet set, RegionDirectory regions) {
        List<PolicyProblem> problems = new ArrayList<>();
        for (DisclosureRule rule : set.rules()) {
            for (String region : rule.scope().ggdRegions()) {
                if (!regions.knowsGgdRegion(region)) {
                    problems.add(problem(rule, "rule " + rule.id() + ": scope references GGD region '" + region
                            + "', which hub.policy.ggd-regions does not define; known: " + regions.ggdRegionIds()));
                }
            }
            for (String partnership : rule.scope().partnerships()) {
                if (!regions.knowsPartnership(partnership)) {
                    problems.add(problem(rule, "rule " + rule.id() + ": scope references samenwerkingsverband '"
                            + partnership + "', which hub.policy.partnerships does not list"));
                }
            }
        }
        return problems;
    }

    private static PolicyProblem problem(DisclosureRule rule, String message) {
        String source = rule.source();
        int colon = source.lastIndexOf(':');
        if (colon > 0) {
            try {
                return new PolicyProblem(source.substring(0, colon), Integer.parseInt(source.substring(colon + 1)),
                        message);
            } catch (NumberFormatException e) {
                // not file:line
            }
        }
        return new PolicyProblem(source, 0, message);
    }
}
