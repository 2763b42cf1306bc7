package nl.verzuimhub.policies;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.recipient.Purpose;
import nl.verzuimhub.core.recipient.RecipientRole;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads a policy set from YAML files and validates it (see {@code docs/policies.md} for the format). A set is a
 * directory of {@code *.yaml} files read in name order; exactly one declares {@code version}. Every problem found is
 * reported with file, line and what is wrong, all at once, in a {@link PolicyValidationException}: unknown keys,
 * roles, kinds, fields, treatments, purposes or switches; malformed values; and the semantic checks of
 * {@link PolicyValidator}.
 *
 * <p>The content hash is SHA-256 over, per file in name order: the file name, a NUL byte, the file's bytes with
 * CRLF turned into LF, a NUL byte. The same files give the same hash on every machine.
 */
public final class PolicyLoader {
    /** The classpath folder of the default set, and its file list (a jar cannot be listed). */
    public static final String DEFAULT_LOCATION = "policies";
    static final List<String> DEFAULT_FILES = List.of("purposes.yaml", "rules.yaml");

    private static final Set<String> TOP_KEYS = Set.of("version", "purposes", "switches", "rules");
    private static final Set<String> PURPOSE_KEYS = Set.of("id", "name", "legalBasis", "processingActivity", "fields");
    private static final Set<String> SWITCH_KEYS = Set.of("id", "legalBasis", "description");
    private static final Set<String> RULE_KEYS = Set.of("id", "effect", "role", "roles", "exceptRoles", "purpose",
            "kinds", "scope", "condition", "identifiableWith", "fields", "legalBasis", "description");
    private static final Set<String> SCOPE_KEYS = Set.of("residence", "school", "municipalities", "partnerships",
            "ggdRegions", "age", "statuses", "absenceTypes", "articles", "period");

    private final List<PolicyProblem> problems = new ArrayList<>();
    private String file;

    private PolicyLoader() {
    }

    /** The default set from the classpath ({@code policies/*.yaml} of this module). */
    public static PolicySet loadDefault() {
        List<PolicySource> sources = new ArrayList<>();
        for (String name : DEFAULT_FILES) {
            try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(DEFAULT_LOCATION + "/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("default policy file missing from the classpath: " + name);
                }
                sources.add(new PolicySource(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return load(sources);
    }

    /** Every {@code *.yaml} / {@code *.yml} file in the directory, in name order. */
    public static PolicySet load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PolicyValidationException(List.of(new PolicyProblem(directory.toString(), 0,
                    "not a directory of policy files")));
        }
        List<PolicySource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path path : files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                sources.add(new PolicySource(path.getFileName().toString(), Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sources.isEmpty()) {
            throw new PolicyValidationException(List.of(new PolicyProblem(directory.toString(), 0,
                    "holds no *.yaml policy file")));
        }
        return load(sources);
    }

    /** A set given as one YAML text (e.g. a candidate set sent to the explain endpoint). */
    public static PolicySet load(String name, String yaml) {
        return load(List.of(new PolicySource(name, yaml.getBytes(StandardCharsets.UTF_8))));
    }

    public static PolicySet load(List<PolicySource> sources) {
        PolicyLoader loader = new PolicyLoader();
        List<PolicySource> sorted = sources.stream().sorted(Comparator.comparing(PolicySource::name)).toList();
        return loader.parse(sorted);
    }

    private PolicySet parse(List<PolicySource> sources) {
        String version = null;
        String versionFile = null;
        Map<String, Purpose> purposes = new LinkedHashMap<>();
        Map<String, Set<DataField>> purposeFields = new LinkedHashMap<>();
        Map<String, LegalSwitch> switches = new LinkedHashMap<>();
        List<DisclosureRule> rules = new ArrayList<>();
        List<Node> ruleNodes = new ArrayList<>();
        List<String> ruleFiles = new ArrayList<>();
        for (PolicySource source : sources) {
            file = source.name();
            Node root = compose(source);
            if (root == null) {
                continue;
            }
            MappingNode top = mapping(root, "the file");
            if (top == null) {
                continue;
            }
            for (NodeTuple entry : top.getValue()) {
                String key = key(entry);
                Node value = entry.getValueNode();
                switch (key) {
                    case "version":
                        if (version != null) {
                            problem(value, "version is declared twice (also in " + versionFile + ")");
                        }
                        version = scalar(value, "version");
                        versionFile = file;
                        break;
                    case "purposes":
                        for (Node item : sequence(value, "purposes")) {
                            purpose(item, purposes, purposeFields);
                        }
                        break;
                    case "switches":
                        for (Node item : sequence(value, "switches")) {
                            legalSwitch(item, switches);
                        }
                        break;
                    case "rules":
                        for (Node item : sequence(value, "rules")) {
                            ruleNodes.add(item);
                            ruleFiles.add(file);
                        }
                        break;
                    default:
                        problem(entry.getKeyNode(), "unknown key '" + key + "'; expected one of " + sortedKeys(TOP_KEYS));
                }
            }
        }
        if (version == null) {
            problems.add(new PolicyProblem(sources.isEmpty() ? "(none)" : sources.get(0).name(), 0,
                    "no file declares the policy set's version"));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < ruleNodes.size(); i++) {
            file = ruleFiles.get(i);
            DisclosureRule rule = rule(ruleNodes.get(i), purposes, switches);
            if (rule != null) {
                if (!ids.add(rule.id())) {
                    problem(ruleNodes.get(i), "rule id '" + rule.id() + "' is used twice");
                } else {
                    rules.add(rule);
                }
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(PolicyValidator.semantics(purposes, purposeFields, rules));
        }
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        return new PolicySet(version, contentHash(sources), purposes, purposeFields, switches, rules);
    }

    private Node compose(PolicySource source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        try {
            return new Yaml(options).compose(new StringReader(new String(source.content(), StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new PolicyProblem(file, line, "not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            problems.add(new PolicyProblem(file, 0, "not valid YAML: " + e.getMessage()));
        }
        return null;
    }

    private void purpose(Node node, Map<String, Purpose> purposes, Map<String, Set<DataField>> purposeFields) {
        Map<String, Node> values = fields(node, "a purpose", PURPOSE_KEYS);
        if (values == null) {
            return;
        }
        String id = required(values, node, "id", "a purpose");
        String name = required(values, node, "name", "purpose " + id);
        String legalBasis = required(values, node, "legalBasis", "purpose " + id);
        String activity = required(values, node, "processingActivity", "purpose " + id);
        if (id == null || name == null || legalBasis == null || activity == null) {
            return;
        }
        if (purposes.containsKey(id)) {
            problem(node, "purpose '" + id + "' is declared twice");
            return;
        }
        purposes.put(id, new Purpose(id, name, legalBasis, activity));
        if (values.containsKey("fields")) {
            Set<DataField> allowed = EnumSet.noneOf(DataField.class);
            for (Node item : sequence(values.get("fields"), "fields")) {
                DataField field = dataField(item);
                if (field != null) {
                    allowed.add(field);
                }
            }
            purposeFields.put(id, allowed);
        }
    }

    private void legalSwitch(Node node, Map<String, LegalSwitch> switches) {
        Map<String, Node> values = fields(node, "a switch", SWITCH_KEYS);
        if (values == null) {
            return;
        }
        String id = required(values, node, "id", "a switch");
        String legalBasis = required(values, node, "legalBasis", "switch " + id);
        if (id == null || legalBasis == null) {
            return;
        }
        if (switches.containsKey(id)) {
            problem(node, "switch '" + id + "' is declared twice");
            return;
        }
        String description = values.containsKey("description") ? scalar(values.get("description"), "description") : "";
        switches.put(id, new LegalSwitch(id, legalBasis, description));
    }

    private DisclosureRule rule(Node node, Map<String, Purpose> purposes, Map<String, LegalSwitch> switches) {
        int before = problems.size();
        Map<String, Node> values = fields(node, "a rule", RULE_KEYS);
        if (values == null) {
            return null;
        }
        String id = required(values, node, "id", "a rule");
        String what = "rule " + id;
        Effect effect = Effect.PERMIT;
        if (values.containsKey("effect")) {
            String text = scalar(values.get("effect"), "effect");
            if ("forbid".equals(text)) {
                effect = Effect.FORBID;
            } else if (!"permit".equals(text)) {
                problem(values.get("effect"), what + ": effect must be permit or forbid, not '" + text + "'");
            }
        }
        Set<RecipientRole> roles = EnumSet.noneOf(RecipientRole.class);
        if (effect == Effect.PERMIT) {
            if (values.containsKey("roles") || values.containsKey("exceptRoles")) {
                problem(node, what + ": a permit names one 'role' (roles/exceptRoles are for forbids)");
            }
            Node role = values.get("role");
            if (role == null) {
                problem(node, what + ": 'role' is missing");
            } else {
                RecipientRole parsed = role(role);
                if (parsed != null) {
                    roles.add(parsed);
                }
            }
        } else {
            if (values.containsKey("role")) {
                problem(values.get("role"), what + ": a forbid names 'roles' (a list, or all), not 'role'");
            }
            Node list = values.get("roles");
            if (list == null) {
                problem(node, what + ": 'roles' is missing (a list of roles, or all)");
            } else if (list instanceof ScalarNode && "all".equals(((ScalarNode) list).getValue())) {
                roles.addAll(EnumSet.allOf(RecipientRole.class));
            } else {
                for (Node item : sequence(list, "roles")) {
                    RecipientRole parsed = role(item);
                    if (parsed != null) {
                        roles.add(parsed);
                    }
                }
            }
            if (values.containsKey("exceptRoles")) {
                for (Node item : sequence(values.get("exceptRoles"), "exceptRoles")) {
                    RecipientRole parsed = role(item);
                    if (parsed != null) {
                        roles.remove(parsed);
                    }
                }
            }
            if (roles.isEmpty() && list != null) {
                problem(list, what + ": the forbid applies to no role");
            }
        }
        String purposeId = null;
        if (values.containsKey("purpose")) {
            purposeId = scalar(values.get("purpose"), "purpose");
            if (purposeId != null && !purposes.containsKey(purposeId)) {
                problem(values.get("purpose"), what + ": unknown purpose '" + purposeId + "'; declared: "
                        + purposes.keySet());
            }
        } else if (effect == Effect.PERMIT) {
            problem(node, what + ": 'purpose' is missing");
        }
        Set<RecordKind> kinds = kinds(values.get("kinds"), node, what);
        RuleScope scope = values.containsKey("scope") ? scope(values.get("scope"), what) : RuleScope.EVERYTHING;
        boolean mazl = false;
        if (values.containsKey("condition")) {
            String condition = scalar(values.get("condition"), "condition");
            if ("mazl".equals(condition)) {
                mazl = true;
            } else {
                problem(values.get("condition"), what + ": unknown condition '" + condition + "'; known: [mazl]");
            }
        }
        String identifiableWith = null;
        if (values.containsKey("identifiableWith")) {
            identifiableWith = scalar(values.get("identifiableWith"), "identifiableWith");
            if (identifiableWith != null && !switches.containsKey(identifiableWith)) {
                problem(values.get("identifiableWith"), what + ": unknown switch '" + identifiableWith
                        + "'; declared: " + switches.keySet());
            }
        }
        Map<DataField, FieldTreatment> treatments = new EnumMap<>(DataField.class);
        Set<DataField> forbidden = EnumSet.noneOf(DataField.class);
        Node fieldsNode = values.get("fields");
        if (effect == Effect.PERMIT) {
            if (fieldsNode == null) {
                problem(node, what + ": 'fields' is missing (field: treatment)");
            } else {
                MappingNode map = mapping(fieldsNode, what + " fields");
                if (map != null) {
                    for (NodeTuple entry : map.getValue()) {
                        DataField field = dataField(entry.getKeyNode());
                        String name = scalar(entry.getValueNode(), "treatment");
                        FieldTreatment treatment = name == null ? null : FieldTreatment.fromYamlName(name).orElse(null);
                        if (name != null && treatment == null) {
                            problem(entry.getValueNode(), what + ": unknown treatment '" + name + "'; known: "
                                    + Stream.of(FieldTreatment.values()).map(FieldTreatment::yamlName).toList());
                        }
                        if (field != null && treatment != null) {
                            if (FieldTreatment.isDerived(field)) {
                                problem(entry.getKeyNode(), what + ": " + field.jsonName()
                                        + " is computed by the hub; name its source field (bsn, birthDate) instead");
                            } else if (!treatment.appliesTo(field)) {
                                problem(entry.getValueNode(), what + ": " + treatment.yamlName()
                                        + " cannot be applied to " + field.jsonName());
                            } else {
                                treatments.put(field, treatment);
                            }
                        }
                    }
                }
            }
        } else if (fieldsNode != null) {
            for (Node item : sequence(fieldsNode, "fields")) {
                DataField field = dataField(item);
                if (field != null) {
                    forbidden.add(field);
                }
            }
        }
        String legalBasis = values.containsKey("legalBasis") ? scalar(values.get("legalBasis"), "legalBasis") : null;
        if (legalBasis == null) {
            problem(node, what + ": 'legalBasis' is missing (cite the law that makes this rule lawful)");
        }
        String description = values.containsKey("description") ? scalar(values.get("description"), "description") : "";
        if (problems.size() > before || id == null) {
            return null;
        }
        try {
            return new DisclosureRule(id, effect, roles, purposeId, kinds, scope, treatments, forbidden, mazl,
                    identifiableWith, legalBasis, description, file + ":" + line(node));
        } catch (IllegalArgumentException e) {
            problem(node, e.getMessage());
            return null;
        }
    }

    private Set<RecordKind> kinds(Node node, Node rule, String what) {
        Set<RecordKind> kinds = EnumSet.noneOf(RecordKind.class);
        if (node == null) {
            problem(rule, what + ": 'kinds' is missing (a list of record kinds, or all)");
            return kinds;
        }
        if (node instanceof ScalarNode && "all".equals(((ScalarNode) node).getValue())) {
            return EnumSet.allOf(RecordKind.class);
        }
        for (Node item : sequence(node, "kinds")) {
            String name = scalar(item, "kind");
            try {
                kinds.add(RecordKind.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException e) {
                problem(item, what + ": unknown record kind '" + name + "'; known: " + List.of(RecordKind.values()));
            }
        }
        if (kinds.isEmpty()) {
            problem(node, what + ": covers no record kind, so it can never match");
        }
        return kinds;
    }

    private RuleScope scope(Node node, String what) {
        Map<String, Node> values = fields(node, what + " scope", SCOPE_KEYS);
        if (values == null) {
            return RuleScope.EVERYTHING;
        }
        ResidenceScope residence = ResidenceScope.ANY;
        if (values.containsKey("residence")) {
            String name = scalar(values.get("residence"), "residence");
            residence = ResidenceScope.fromYamlName(name);
            if (residence == null) {
                problem(values.get("residence"), what + ": unknown residence scope '" + name + "'; known: "
                        + Stream.of(ResidenceScope.values()).map(ResidenceScope::yamlName).toList());
                residence = ResidenceScope.ANY;
            }
        }
        SchoolScope school = SchoolScope.ANY;
        if (values.containsKey("school")) {
            String name = scalar(values.get("school"), "school");
            school = SchoolScope.fromYamlName(name);
            if (school == null) {
                problem(values.get("school"), what + ": unknown school scope '" + name + "'; known: "
                        + Stream.of(SchoolScope.values()).map(SchoolScope::yamlName).toList());
                school = SchoolScope.ANY;
            }
        }
        Set<String> municipalities = strings(values.get("municipalities"), "municipalities");
        for (String code : municipalities) {
            if (!code.matches("\\d{4}")) {
                problem(values.get("municipalities"), what + ": municipality '" + code
                        + "' is not a four-digit CBS gemeentecode (quote it: \"0363\")");
            }
        }
        Set<String> partnerships = strings(values.get("partnerships"), "partnerships");
        for (String code : partnerships) {
            if (!code.matches("(PO|VO)\\d{4}")) {
                problem(values.get("partnerships"), what + ": partnership '" + code
                        + "' is not a samenwerkingsverband code (PO or VO and four digits)");
            }
        }
        Integer minAge = null;
        Integer maxAge = null;
        if (values.containsKey("age")) {
            Map<String, Node> age = fields(values.get("age"), what + " age", Set.of("min", "max"));
            if (age != null) {
                minAge = integer(age.get("min"), what + " age.min");
                maxAge = integer(age.get("max"), what + " age.max");
                if (minAge != null && maxAge != null && minAge > maxAge) {
                    problem(values.get("age"), what + ": empty age range " + minAge + ".." + maxAge
                            + ", so the rule can never match");
                }
            }
        }
        LocalDate from = null;
        LocalDate to = null;
        if (values.containsKey("period")) {
            Map<String, Node> period = fields(values.get("period"), what + " period", Set.of("from", "to"));
            if (period != null) {
                from = date(period.get("from"), what + " period.from");
                to = date(period.get("to"), what + " period.to");
                if (from != null && to != null && from.isAfter(to)) {
                    problem(values.get("period"), what + ": empty period window " + from + " to " + to
                            + ", so the rule can never match");
                }
            }
        }
        return new RuleScope(residence, school, municipalities, partnerships,
                strings(values.get("ggdRegions"), "ggdRegions"), minAge, maxAge,
                strings(values.get("statuses"), "statuses"), strings(values.get("absenceTypes"), "absenceTypes"),
                strings(values.get("articles"), "articles"), from, to);
    }

    private RecipientRole role(Node node) {
        String name = scalar(node, "role");
        try {
            return RecipientRole.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            problem(node, "unknown role '" + name + "'; known: " + List.of(RecipientRole.values()));
            return null;
        }
    }

    private DataField dataField(Node node) {
        String name = scalar(node, "field");
        DataField field = name == null ? null : DataField.fromJsonName(name).orElse(null);
        if (name != null && field == null) {
            problem(node, "unknown field '" + name + "'; known: "
                    + Stream.of(DataField.values()).map(DataField::jsonName).toList());
        }
        return field;
    }

    private Set<String> strings(Node node, String what) {
        Set<String> values = new LinkedHashSet<>();
        if (node != null) {
            for (Node item : sequence(node, what)) {
                String value = scalar(item, what);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private Integer integer(Node node, String what) {
        if (node == null) {
            return null;
        }
        String text = scalar(node, what);
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                problem(node, what + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            problem(node, what + " must be a whole number, not '" + text + "'");
            return null;
        }
    }

    private LocalDate date(Node node, String what) {
        if (node == null) {
            return null;
        }
        String text = scalar(node, what);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            problem(node, what + " must be a date like 2024-08-01, not '" + text + "'");
            return null;
        }
    }

    private Map<String, Node> fields(Node node, String what, Set<String> known) {
        MappingNode map = mapping(node, what);
        if (map == null) {
            return null;
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple entry : map.getValue()) {
            String key = key(entry);
            if (!known.contains(key)) {
                problem(entry.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected one of "
                        + sortedKeys(known));
            } else {
                values.put(key, entry.getValueNode());
            }
        }
        return values;
    }

    private String required(Map<String, Node> values, Node node, String key, String what) {
        Node value = values.get(key);
        if (value == null) {
            problem(node, what + ": '" + key + "' is missing");
            return null;
        }
        String text = scalar(value, key);
        if (text != null && text.isBlank()) {
            problem(value, what + ": '" + key + "' is empty");
            return null;
        }
        return text;
    }

    private MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode) {
            return (MappingNode) node;
        }
        problem(node, what + " must be a mapping (key: value)");
        return null;
    }

    private List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode) {
            return ((SequenceNode) node).getValue();
        }
        problem(node, what + " must be a list");
        return List.of();
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode) {
            return ((ScalarNode) node).getValue();
        }
        problem(node, what + " must be a single value");
        return null;
    }

    private String key(NodeTuple entry) {
        Node key = entry.getKeyNode();
        return key instanceof ScalarNode ? ((ScalarNode) key).getValue() : "?";
    }

    private void problem(Node node, String message) {
        problems.add(new PolicyProblem(file, line(node), message));
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static List<String> sortedKeys(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    static String contentHash(List<PolicySource> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (PolicySource source : sources) {
                digest.update(source.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(new String(source.content(), StandardCharsets.UTF_8).replace("\r\n", "\n")
                        .getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
