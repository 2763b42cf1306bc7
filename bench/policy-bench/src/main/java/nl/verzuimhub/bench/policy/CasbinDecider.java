package nl.verzuimhub.bench.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.recipient.Recipient;
import org.casbin.jcasbin.main.EnforceResult;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;

/**
 * The default policy set as a jCasbin ABAC model ({@code casbin-model.conf}, {@code casbin-policy.csv}), integrated
 * as a service would: the enforcer, its policy rows, the purpose grants ({@code g}), the GGD regions ({@code g2}) and
 * the RMC regions ({@code g3}) are loaded once; the subject of each recipient is built once (a service builds it when
 * the client authenticates); the object is built from the record on every call ({@link SharedSteps}: the M@ZL
 * criterion on the shared pupil history, verzuimsoort, age), then {@code enforceEx} decides and names the matched
 * row, whose rule id the hub's minimisation step ({@link SharedSteps#permitted}) is given. Logging is off, as in
 * production. Thread-safe for reads.
 */
final class CasbinDecider {
    private final Enforcer enforcer;
    private final Map<String, Map<String, Object>> subjects = new HashMap<>();
    private final SharedSteps steps;

    CasbinDecider(List<Recipient> recipients, Map<String, Set<String>> ggdRegions, Map<String, Set<String>> rmcRegions,
                  SharedSteps steps) {
        this.steps = steps;
        enforcer = new Enforcer(Model.newModelFromString(SharedSteps.resource("casbin-model.conf")));
        enforcer.enableLog(false);
        for (String line : SharedSteps.resource("casbin-policy.csv").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                List<String> fields = Arrays.asList(line.trim().split("\\s*,\\s*"));
                enforcer.addNamedPolicy(fields.get(0), fields.subList(1, fields.size()));
            }
        }
        ggdRegions.forEach((region, municipalities) -> municipalities.forEach(
                municipality -> enforcer.addNamedGroupingPolicy("g2", municipality, region)));
        rmcRegions.forEach((region, municipalities) -> municipalities.forEach(
                municipality -> enforcer.addNamedGroupingPolicy("g3", municipality, region)));
        for (Recipient recipient : recipients) {
            recipient.purposes().forEach(purpose -> enforcer.addNamedGroupingPolicy("g", recipient.clientId(), purpose));
            subjects.put(recipient.clientId(), Map.of("clientId", recipient.clientId(), "role", recipient.role().name(),
                    "organisation", recipient.organisation().code()));
        }
    }

    Outcome decide(RegisterRecord record, Recipient recipient, String purposeId) {
        Map<String, Object> object = new HashMap<>(8);
        object.put("kind", record.kind().name());
        object.put("municipality", record.pupil().municipality());
        object.put("partnership", record.school().map(school -> school.partnership()).orElse(""));
        String absenceType = SharedSteps.absenceType(record);
        object.put("absenceType", absenceType == null ? "" : absenceType);
        object.put("age", SharedSteps.age(record));
        object.put("mazl", steps.mazl(record));
        EnforceResult result = enforcer.enforceEx(subjects.get(recipient.clientId()), object, purposeId);
        if (!result.isAllow()) {
            return Outcome.DENIED;
        }
        List<String> row = result.getExplain();
        String ruleId = row.get(row.size() - 2);
        return steps.permitted(record, ruleId, recipient, purposeId);
    }
}
