package nl.verzuimhub.bench.policy;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.recipient.Recipient;

/**
 * The default policy set in Cedar ({@code cedar-policies.cedar}), integrated as a service would: the policies are
 * parsed once and cached on the native side ({@link PolicySet#cache()}); the recipient entities, the action ids and
 * the reference entities (municipalities in their GGD and RMC regions) are built once; the record entity, the entity set
 * and the request are built on every call, then the engine decides and names the permitting policy, whose id (the
 * hub's rule id) the hub's minimisation step ({@link SharedSteps#permitted}) is given. The record's attributes include
 * {@link SharedSteps} (the M@ZL criterion on the shared pupil history, verzuimsoort, age). Thread-safe for reads.
 */
final class CedarDecider {
    private static final EntityTypeName RECIPIENT = type("Recipient");
    private static final EntityTypeName RECORD = type("Record");
    private static final EntityTypeName ACTION = type("Action");
    private static final EntityTypeName MUNICIPALITY = type("Municipality");
    private static final EntityTypeName GGD_REGION = type("GgdRegion");
    private static final EntityTypeName RMC_REGION = type("RmcRegion");

    private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();
    private final PolicySet policies;
    private final Map<String, Entity> principals = new HashMap<>();
    private final Map<String, EntityUID> actions = new HashMap<>();
    private final List<Entity> referenceEntities = new ArrayList<>();
    private final SharedSteps steps;

    CedarDecider(List<Recipient> recipients, Map<String, Set<String>> ggdRegions, Map<String, Set<String>> rmcRegions,
                 SharedSteps steps) {
        this.steps = steps;
        this.policies = loadPolicies();
        Map<String, Set<EntityUID>> parents = new HashMap<>();
        ggdRegions.forEach((region, municipalities) -> {
            referenceEntities.add(new Entity(GGD_REGION.of(region)));
            municipalities.forEach(code -> parents.computeIfAbsent(code, c -> new HashSet<>()).add(GGD_REGION.of(region)));
        });
        rmcRegions.forEach((region, municipalities) -> {
            referenceEntities.add(new Entity(RMC_REGION.of(region)));
            municipalities.forEach(code -> parents.computeIfAbsent(code, c -> new HashSet<>()).add(RMC_REGION.of(region)));
        });
        parents.forEach((code, regions) -> referenceEntities.add(new Entity(MUNICIPALITY.of(code), regions)));
        for (Recipient recipient : recipients) {
            Map<String, Value> attrs = new HashMap<>();
            attrs.put("role", new PrimString(recipient.role().name()));
            attrs.put("organisation", new PrimString(recipient.organisation().code()));
            List<Value> purposes = new ArrayList<>();
            recipient.purposes().forEach(purpose -> purposes.add(new PrimString(purpose)));
            attrs.put("purposes", new CedarList(purposes));
            if (ggdRegions.containsKey(recipient.organisation().code())) {
                attrs.put("region", GGD_REGION.of(recipient.organisation().code()));
            } else if (rmcRegions.containsKey(recipient.organisation().code())) {
                attrs.put("region", RMC_REGION.of(recipient.organisation().code()));
            }
            principals.put(recipient.clientId(), new Entity(RECIPIENT.of(recipient.clientId()), attrs, Set.of()));
            recipient.purposes().forEach(purpose -> actions.put(purpose, ACTION.of(purpose)));
        }
    }

    Outcome decide(RegisterRecord record, Recipient recipient, String purposeId) {
        Entity principal = principals.get(recipient.clientId());
        EntityUID cached = actions.get(purposeId);
        EntityUID action = cached != null ? cached : ACTION.of(purposeId);
        Map<String, Value> attrs = new HashMap<>(8);
        attrs.put("kind", new PrimString(record.kind().name()));
        attrs.put("municipality", new PrimString(record.pupil().municipality()));
        attrs.put("residence", MUNICIPALITY.of(record.pupil().municipality()));
        record.school().ifPresent(school -> attrs.put("partnership", new PrimString(school.partnership())));
        String absenceType = SharedSteps.absenceType(record);
        if (absenceType != null) {
            attrs.put("absenceType", new PrimString(absenceType));
        }
        attrs.put("age", new PrimLong(SharedSteps.age(record)));
        attrs.put("mazl", new PrimBool(steps.mazl(record)));
        Entity resource = new Entity(RECORD.of(record.kind().name() + "/" + record.id()), attrs, Set.of());
        Set<Entity> entities = new HashSet<>(referenceEntities);
        entities.add(principal);
        entities.add(resource);
        AuthorizationResponse response;
        try {
            response = engine.isAuthorized(new AuthorizationRequest(principal.getEUID(), action, resource.getEUID(),
                    Map.of()), policies, entities);
        } catch (AuthException e) {
            throw new IllegalStateException("Cedar could not decide", e);
        }
        AuthorizationSuccessResponse success = response.success
                .orElseThrow(() -> new IllegalStateException("Cedar failed: " + response));
        if (!success.isAllowed()) {
            return Outcome.DENIED;
        }
        String ruleId = success.getReason().iterator().next();
        return steps.permitted(record, ruleId, recipient, purposeId);
    }

    private static PolicySet loadPolicies() {
        try {
            Set<Policy> withRuleIds = new HashSet<>();
            for (Policy parsed : PolicySet.parsePolicies(SharedSteps.resource("cedar-policies.cedar")).policies) {
                withRuleIds.add(new Policy(parsed.getSource(), parsed.getAnnotation("id")));
            }
            PolicySet set = new PolicySet(withRuleIds);
            set.cache();
            if (set.cacheKey().isEmpty()) {
                throw new IllegalStateException("Cedar did not cache the policy set");
            }
            return set;
        } catch (InternalException | CacheException e) {
            throw new IllegalStateException("invalid Cedar policies", e);
        }
    }

    private static EntityTypeName type(String name) {
        return EntityTypeName.parse(name).orElseThrow();
    }
}
