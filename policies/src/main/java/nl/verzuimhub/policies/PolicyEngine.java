package nl.verzuimhub.policies;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.disclosure.RecordView;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.SickReport;
import nl.verzuimhub.core.recipient.Purpose;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;

/**
 * Decides who may see what: {@link #decide} returns a {@link Permit} with the minimised view or a {@link Deny}.
 *
 * <p>Contract: deny by default (no permit for the role, purpose and record kind means
 * {@link DenyReason#NO_MATCHING_POLICY}); a purpose the recipient was not granted is refused before any rule is
 * looked at; a forbid beats every permit (a whole-record forbid refuses, a field forbid removes its fields from every
 * view); deciding never mutates the record and minimising returns a new value.
 *
 * <p>The policy set is compiled once, at construction, into an index role &rarr; purpose &rarr; record kind &rarr;
 * permits with precomputed field plans, plus forbids by role and kind; a decision walks a handful of array entries,
 * reads only the fields it discloses, and computes a pseudonym at most once per pupil and recipient (cached).
 * Thread-safe.
 */
public final class PolicyEngine {
    private static final int KINDS = RecordKind.values().length;

    private final PolicySet policySet;
    private final RegionDirectory regions;
    private final Minimiser minimiser;
    private final Set<String> enabledSwitches;
    private final Map<RecipientRole, Map<String, CompiledPermit[][]>> permits = new EnumMap<>(RecipientRole.class);
    private final Map<RecipientRole, CompiledForbid[][]> forbids = new EnumMap<>(RecipientRole.class);
    private final Map<RecipientRole, Set<String>> disclosurePurposes = new EnumMap<>(RecipientRole.class);
    private final Map<String, CompiledPermit> permitsById = new HashMap<>();

    /** The engine with every legal-basis switch off. */
    public PolicyEngine(PolicySet policySet, RegionDirectory regions, Pseudonymiser pseudonymiser) {
        this(policySet, regions, pseudonymiser, Set.of());
    }

    /**
     * @param enabledSwitches ids of the legal-basis switches that are on; each must be declared by the policy set
     * @throws PolicyValidationException when a rule references a GGD region or partnership the directory lacks
     */
    public PolicyEngine(PolicySet policySet, RegionDirectory regions, Pseudonymiser pseudonymiser,
                        Set<String> enabledSwitches) {
        this.policySet = policySet;
        this.regions = regions;
        this.minimiser = new Minimiser(pseudonymiser);
        this.enabledSwitches = Set.copyOf(enabledSwitches);
        List<PolicyProblem> problems = PolicyValidator.references(policySet, regions);
        for (String name : enabledSwitches) {
            if (!policySet.switches().containsKey(name)) {
                problems.add(new PolicyProblem("hub.policy.switches", 0, "switch '" + name
                        + "' is not declared by policy set " + policySet.version() + "; declared: "
                        + policySet.switches().keySet()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        compile();
    }

    private void compile() {
        Map<RecipientRole, Map<String, List<List<CompiledPermit>>>> building = new EnumMap<>(RecipientRole.class);
        for (DisclosureRule rule : policySet.rules()) {
            if (rule.isPermit()) {
                Purpose purpose = policySet.purposes().get(rule.purposeId());
                boolean identifiable = rule.identifiableWith() != null && enabledSwitches.contains(rule.identifiableWith());
                CompiledPermit compiled = new CompiledPermit(rule, purpose, new Minimiser.FieldPlan(rule.fields(), identifiable));
                permitsById.put(rule.id(), compiled);
                List<List<CompiledPermit>> byKind = building.computeIfAbsent(rule.role(), r -> new HashMap<>())
                        .computeIfAbsent(rule.purposeId(), p -> emptyByKind());
                rule.kinds().forEach(kind -> byKind.get(kind.ordinal()).add(compiled));
                disclosurePurposes.computeIfAbsent(rule.role(), r -> new LinkedHashSet<>()).add(rule.purposeId());
            }
        }
        building.forEach((role, byPurpose) -> {
            Map<String, CompiledPermit[][]> compiled = new HashMap<>();
            byPurpose.forEach((purpose, byKind) -> compiled.put(purpose, toArrays(byKind, new CompiledPermit[0])));
            permits.put(role, compiled);
        });
        for (RecipientRole role : RecipientRole.values()) {
            List<List<CompiledForbid>> byKind = emptyByKind();
            for (DisclosureRule rule : policySet.forbids()) {
                if (rule.roles().contains(role)) {
                    CompiledForbid compiled = new CompiledForbid(rule);
                    rule.kinds().forEach(kind -> byKind.get(kind.ordinal()).add(compiled));
                }
            }
            forbids.put(role, toArrays(byKind, new CompiledForbid[0]));
        }
        disclosurePurposes.replaceAll((role, purposes) -> Set.copyOf(purposes));
    }

    /** Decides without pupil history (rules with an M@ZL condition see only the record itself). */
    public Decision decide(RegisterRecord record, Recipient recipient, String purposeId) {
        return decide(record, recipient, purposeId, DecisionFacts.NONE);
    }

    public Decision decide(RegisterRecord record, Recipient recipient, String purposeId, DecisionFacts facts) {
        String version = policySet.version();
        Purpose purpose = policySet.purposes().get(purposeId);
        if (purpose == null) {
            return new Deny(DenyReason.UNKNOWN_PURPOSE, "purpose " + purposeId + " is not in policy set " + version,
                    newDecisionId(), version);
        }
        if (!recipient.purposes().contains(purposeId)) {
            return new Deny(DenyReason.PURPOSE_NOT_GRANTED, recipient.clientId() + " has not been granted purpose "
                    + purposeId, newDecisionId(), version);
        }
        RecipientRole role = recipient.role();
        int kind = record.kind().ordinal();
        CompiledForbid[] roleForbids = forbids.get(role)[kind];
        for (CompiledForbid forbid : roleForbids) {
            if (forbid.whole && forbid.applies(purposeId, record, recipient, regions)) {
                return new Deny(DenyReason.FORBIDDEN, "forbid " + forbid.rule.id() + " refuses " + record.kind()
                        + " to role " + role + ": " + forbid.rule.description(), newDecisionId(), version,
                        forbid.ids);
            }
        }
        Map<String, CompiledPermit[][]> byPurpose = permits.get(role);
        CompiledPermit[][] byKind = byPurpose == null ? null : byPurpose.get(purposeId);
        CompiledPermit[] candidates = byKind == null ? null : byKind[kind];
        if (candidates == null || candidates.length == 0) {
            return new Deny(DenyReason.NO_MATCHING_POLICY, "no rule lets role " + role + " receive "
                    + record.kind() + " for purpose " + purposeId, newDecisionId(), version);
        }
        CompiledPermit conditionFailed = null;
        for (CompiledPermit permit : candidates) {
            if (!permit.rule.scope().covers(record, recipient, regions)) {
                continue;
            }
            if (permit.rule.mazl() && !mazl(record, facts)) {
                conditionFailed = permit;
                continue;
            }
            return permit(record, recipient, purposeId, permit, roleForbids, version);
        }
        if (conditionFailed != null) {
            return new Deny(DenyReason.CONDITION_NOT_MET, "rule " + conditionFailed.rule.id() + " covers "
                    + record.kind() + " " + record.id() + " only when the M@ZL criterion holds (more than "
                    + MazlCriterion.MAX_CONSECUTIVE_SCHOOL_DAYS + " consecutive school days sick, or "
                    + MazlCriterion.REPORTS + " sick reports in " + MazlCriterion.SCHOOL_WEEKS + " school weeks)",
                    newDecisionId(), version, conditionFailed.ids);
        }
        return new Deny(DenyReason.OUT_OF_SCOPE, record.kind() + " " + record.id() + " lies outside the scope of "
                + recipient.clientId() + " (" + recipient.organisation().code() + ")", newDecisionId(), version,
                candidates.length == 1 ? candidates[0].ids : ids(candidates));
    }

    private Permit permit(RegisterRecord record, Recipient recipient, String purposeId, CompiledPermit permit,
                          CompiledForbid[] roleForbids, String version) {
        long mask = 0;
        List<String> ruleIds = permit.ids;
        for (CompiledForbid forbid : roleForbids) {
            if (forbid.removesFieldsOf(permit, purposeId, record, recipient, regions)) {
                mask |= forbid.mask;
                if (ruleIds == permit.ids) {
                    ruleIds = new ArrayList<>(permit.ids);
                }
                ruleIds.add(forbid.rule.id());
            }
        }
        return new Permit(minimiser.minimise(record, permit.plan, mask, recipient.clientId()), permit.rule.id(),
                permit.purpose, newDecisionId(), version,
                ruleIds == permit.ids ? ruleIds : Collections.unmodifiableList(ruleIds));
    }

    /**
     * The minimisation step on its own: the view that permit {@code ruleId} discloses of {@code record} to
     * {@code recipient} under {@code purposeId}, exactly as {@link #decide} builds it after that permit matched (the
     * rule's field plan compiled at load, with this engine's legal-basis switches, minus the fields a field forbid
     * removes). It does not decide: scope, conditions, granted purposes and whole-record forbids are the caller's
     * business, so call it only after a decision that permits under {@code ruleId} (for example another policy
     * engine's, to compare engines with equal minimisation work). Pure: returns a new view.
     *
     * @throws IllegalArgumentException when {@code ruleId} is not a permit of this policy set, or does not cover the
     *                                  record's kind
     */
    public RecordView minimise(RegisterRecord record, String ruleId, Recipient recipient, String purposeId) {
        CompiledPermit permit = permitsById.get(ruleId);
        if (permit == null || !permit.rule.kinds().contains(record.kind())) {
            throw new IllegalArgumentException("policy set " + policySet.version() + " has no permit " + ruleId
                    + " for " + record.kind());
        }
        long mask = 0;
        for (CompiledForbid forbid : forbids.get(recipient.role())[record.kind().ordinal()]) {
            if (forbid.removesFieldsOf(permit, purposeId, record, recipient, regions)) {
                mask |= forbid.mask;
            }
        }
        return minimiser.minimise(record, permit.plan, mask, recipient.clientId());
    }

    private static boolean mazl(RegisterRecord record, DecisionFacts facts) {
        if (!(record instanceof SickReport)) {
            return false;
        }
        return MazlCriterion.holds((SickReport) record, facts);
    }

    /**
     * "What would this recipient see of this record under this purpose, and why": the decision plus, per rule and
     * per field, what applied. Discloses nothing to the recipient: the answer is for the caller (a privacy officer).
     */
    public Explanation explain(RegisterRecord record, Recipient recipient, String purposeId, DecisionFacts facts) {
        Decision decision = decide(record, recipient, purposeId, facts);
        return Explainer.explain(this, decision, record, recipient, purposeId, facts);
    }

    /** The purposes for which a role has at least one permit: the purposes a recipient can fetch a feed under. */
    public Set<String> disclosurePurposes(RecipientRole role) {
        return disclosurePurposes.getOrDefault(role, Set.of());
    }

    public PolicySet policySet() {
        return policySet;
    }

    public RegionDirectory regions() {
        return regions;
    }

    public Set<String> enabledSwitches() {
        return enabledSwitches;
    }

    /** Whether the permit's pseudonymised identifiers are disclosed as is because its switch is on. */
    boolean identifiable(DisclosureRule rule) {
        return rule.identifiableWith() != null && enabledSwitches.contains(rule.identifiableWith());
    }

    private static String newDecisionId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
    }

    private static <T> List<List<T>> emptyByKind() {
        List<List<T>> byKind = new ArrayList<>();
        for (int i = 0; i < KINDS; i++) {
            byKind.add(new ArrayList<>());
        }
        return byKind;
    }

    @SuppressWarnings("unchecked")
    private static <T> T[][] toArrays(List<List<T>> byKind, T[] empty) {
        T[][] arrays = (T[][]) java.lang.reflect.Array.newInstance(empty.getClass(), KINDS);
        for (int i = 0; i < KINDS; i++) {
            arrays[i] = byKind.get(i).toArray(empty);
        }
        return arrays;
    }

    private static List<String> ids(CompiledPermit[] permits) {
        List<String> ids = new ArrayList<>();
        for (CompiledPermit permit : permits) {
            ids.add(permit.rule.id());
        }
        return ids;
    }

    private static final class CompiledPermit {
        final DisclosureRule rule;
        final Purpose purpose;
        final Minimiser.FieldPlan plan;
        final long sourceMask;
        final List<String> ids;

        CompiledPermit(DisclosureRule rule, Purpose purpose, Minimiser.FieldPlan plan) {
            this.rule = rule;
            this.purpose = purpose;
            this.plan = plan;
            this.sourceMask = mask(List.of(plan.sources));
            this.ids = List.of(rule.id());
        }
    }

    private static final class CompiledForbid {
        final DisclosureRule rule;
        final boolean whole;
        final long mask;
        final List<String> ids;

        CompiledForbid(DisclosureRule rule) {
            this.rule = rule;
            this.whole = rule.forbidsWholeRecord();
            this.mask = mask(rule.forbiddenFields());
            this.ids = List.of(rule.id());
        }

        /** Whether this is a field forbid that removes some of the fields the permit would disclose here. */
        boolean removesFieldsOf(CompiledPermit permit, String purposeId, RegisterRecord record, Recipient recipient,
                                RegionDirectory regions) {
            return !whole && (mask & permit.sourceMask) != 0 && applies(purposeId, record, recipient, regions);
        }

        boolean applies(String purposeId, RegisterRecord record, Recipient recipient, RegionDirectory regions) {
            return (rule.purposeId() == null || rule.purposeId().equals(purposeId))
                    && rule.scope().covers(record, recipient, regions);
        }
    }

    static long mask(Iterable<DataField> fields) {
        long mask = 0;
        for (DataField field : fields) {
            mask |= 1L << field.ordinal();
        }
        return mask;
    }
}
