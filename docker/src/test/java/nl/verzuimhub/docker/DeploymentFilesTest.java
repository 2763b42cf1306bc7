package nl.verzuimhub.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What can be checked about the deployment files without a Docker engine, against the application jar this build
 * made: the Dockerfile copies that jar and runs it as a non-root user; the build stage has every Maven module; every
 * environment variable the compose file gives the hub names a setting the hub really has (relaxed binding, checked
 * against the configuration metadata in the jar and its libraries); and ports and health-check URLs are the
 * application's.
 */
class DeploymentFilesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DOCKER = ROOT.resolve("docker");
    static List<String> dockerfile;
    static Map<String, Object> compose;
    static Path jar;
    static Map<String, Object> applicationYml;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        dockerfile = Files.readAllLines(DOCKER.resolve("Dockerfile"));
        compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        String copied = instruction("COPY --from=build").split("\\s+")[2];
        jar = ROOT.resolve(copied.replaceFirst("^/src/", ""));
        assertThat(jar).as("the jar the Dockerfile copies (%s); build hub-server first", copied).isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            applicationYml = new Yaml().load(file.getInputStream(file.getEntry("BOOT-INF/classes/application.yml")));
        }
    }

    @Test
    void theImageRunsTheBuiltApplicationJarAsANonRootUser() throws IOException {
        assertThat(dockerfile.stream().filter(l -> l.startsWith("FROM ")).count()).as("multi-stage").isEqualTo(2);
        String[] copy = instruction("COPY --from=build").split("\\s+");
        String target = copy[3];
        assertThat(instruction("ENTRYPOINT")).contains("\"" + target + "\"");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo("nl.verzuimhub.server.VerzuimhubApplication");
            assertThat(file.getEntry("BOOT-INF/classes/nl/verzuimhub/server/VerzuimhubApplication.class")).isNotNull();
        }
        String user = instruction("USER").split("\\s+")[1];
        assertThat(user).isNotIn("root", "0");
        assertThat(dockerfile.indexOf(dockerfile.stream().filter(l -> l.startsWith("USER ")).findFirst().orElseThrow()))
                .as("USER comes after the last RUN of the final stage").isGreaterThan(lastIndexOf("RUN "));
    }

    @Test
    void theBuildStageHasEveryMavenModuleAndTheFilesItBuildsFrom() throws Exception {
        Set<String> copied = dockerfile.stream().filter(l -> l.startsWith("COPY ") && !l.contains("--from"))
                .map(l -> l.split("\\s+")[1]).collect(Collectors.toSet());
        for (String module : modules()) {
            String top = module.contains("/") ? module.substring(0, module.indexOf('/')) : module;
            assertThat(copied).as("the build stage must COPY module %s (root pom <modules>)", module)
                    .anySatisfy(c -> assertThat(c.equals(module) || c.equals(top) || c.equals(module + "/pom.xml"))
                            .isTrue());
        }
        for (String path : copied) {
            assertThat(ROOT.resolve(path)).as("COPY source %s", path).exists();
        }
    }

    @Test
    void everyEnvironmentVariableOfTheHubNamesASettingTheHubHas() throws IOException {
        Set<String> known = new HashSet<>();
        Set<String> maps = new HashSet<>();
        readMetadata(known, maps);
        assertThat(known).as("configuration metadata of the hub itself")
                .contains("hub.register.base-url", "hub.security.issuer-uri", "spring.datasource.url");
        Map<String, String> environment = environment("hub");
        assertThat(environment).isNotEmpty();
        List<String> unknown = new ArrayList<>();
        for (String name : environment.keySet()) {
            if (!names(name, known, maps)) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("environment variables of service hub that bind to no setting of the hub").isEmpty();
    }

    @Test
    void portsAndHealthChecksAreTheApplications() {
        Map<String, String> environment = environment("hub");
        int serverPort = environment.containsKey("SERVER_PORT") ? Integer.parseInt(environment.get("SERVER_PORT"))
                : ((Number) path(applicationYml, "server", "port")).intValue();
        assertThat(instruction("EXPOSE")).isEqualTo("EXPOSE " + serverPort);
        assertThat(String.valueOf(path(applicationYml, "management", "endpoints", "web", "exposure", "include")))
                .contains("health");
        assertThat(path(applicationYml, "management", "endpoint", "health", "probes", "enabled")).isEqualTo(true);
        Set<String> healthPaths = Set.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness");

        URI imageCheck = firstUrl(instruction("CMD curl"));
        assertThat(imageCheck.getPort()).isEqualTo(serverPort);
        assertThat(healthPaths).contains(imageCheck.getPath());

        Map<String, Object> hub = service("hub");
        assertThat((List<String>) hub.get("ports")).anySatisfy(p -> assertThat(p).endsWith(":" + serverPort));
        URI composeCheck = firstUrl(String.join(" ", healthTest(hub)));
        assertThat(composeCheck.getPort()).isEqualTo(serverPort);
        assertThat(healthPaths).contains(composeCheck.getPath());

        // The hub reaches the register stub and Keycloak on their container ports.
        Map<String, Object> stub = service("register-stub");
        String stubPort = ((List<String>) stub.get("command")).get(1);
        assertThat(environment.get("HUB_REGISTER_BASE_URL")).endsWith("register-stub:" + stubPort + "}");
        assertThat(String.join(" ", healthTest(stub))).contains("/dev/tcp/127.0.0.1/" + stubPort);
        Map<String, String> keycloak = environment("keycloak");
        String keycloakPort = keycloak.get("KC_HTTP_PORT");
        assertThat(environment.get("HUB_SECURITY_JWK_SET_URI"))
                .startsWith("http://keycloak:" + keycloakPort + "/realms/verzuimhub/");
        assertThat(environment.get("HUB_SECURITY_ISSUER_URI")).isEqualTo(keycloak.get("KC_HOSTNAME") + "/realms/verzuimhub");
        assertThat((List<String>) service("keycloak").get("ports"))
                .anySatisfy(p -> assertThat(p).endsWith(":" + keycloakPort));
        assertThat(keycloak).containsEntry("KC_HEALTH_ENABLED", "true");
        assertThat(String.join(" ", healthTest(service("keycloak")))).contains("/dev/tcp/127.0.0.1/9000", "/health/ready");
    }

    @Test
    void everyMountedFileExistsAndEveryRequiredVariableIsInTheExampleEnvironment() throws IOException {
        for (String name : List.of("keycloak", "register-stub", "postgres")) {
            for (Object volume : (List<?>) service(name).get("volumes")) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(DOCKER.resolve(source)).as("volume source of %s", name).exists();
                }
            }
        }
        Set<String> example = Files.readAllLines(DOCKER.resolve(".env.example")).stream()
                .filter(l -> l.contains("=") && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('=')))
                .collect(Collectors.toSet());
        Matcher variables = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(DOCKER.resolve("compose.yaml")));
        while (variables.find()) {
            assertThat(example).as("docker/.env.example names %s", variables.group(1)).contains(variables.group(1));
        }
        assertThat(Files.readString(DOCKER.resolve("keycloak/realm-verzuimhub.json")))
                .contains("\"realm\": \"verzuimhub\"", "verzuimhub-dashboard", "fg-demo", "hub-operator");
    }

    /**
     * The hub works as the application role, which may only read and append the audit log (migration V42), and
     * Flyway migrates as the owner; the database creates that role with a login on its first start.
     */
    @Test
    void theHubConnectsAsTheApplicationRoleAndMigratesAsTheOwner() throws IOException {
        Map<String, String> hub = environment("hub");
        Map<String, String> postgres = environment("postgres");
        assertThat(hub).containsEntry("SPRING_DATASOURCE_USERNAME", "verzuimhub_app")
                .containsEntry("SPRING_FLYWAY_USER", postgres.get("POSTGRES_USER"))
                .containsEntry("SPRING_FLYWAY_PASSWORD", "${POSTGRES_PASSWORD}");
        assertThat(hub.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo("${VERZUIMHUB_APP_PASSWORD}");
        assertThat(postgres.get("VERZUIMHUB_APP_PASSWORD")).startsWith("${VERZUIMHUB_APP_PASSWORD");
        assertThat((List<String>) service("postgres").get("volumes"))
                .contains("./postgres/init:/docker-entrypoint-initdb.d:ro");
        Path init = DOCKER.resolve("postgres/init/10-application-role.sh");
        assertThat(Files.isExecutable(init)).as("the postgres image runs only executable .sh files").isTrue();
        assertThat(Files.readString(init)).contains("create role verzuimhub_app login password :'app_password'",
                "app_password=\"$VERZUIMHUB_APP_PASSWORD\"");
        try (JarFile file = new JarFile(jar.toFile())) {
            String v42 = new String(file.getInputStream(file.getEntry(
                    "BOOT-INF/classes/db/migration/V42__application_role.sql")).readAllBytes());
            assertThat(v42).contains("revoke update, delete, truncate on audit_entry, audit_checkpoint from verzuimhub_app");
        }
    }

    /** PostgreSQL in compose runs with the settings the audit log is built and measured for, as the embedded one does. */
    @Test
    @SuppressWarnings("unchecked")
    void thePostgresServiceRunsWithTheAuditLogsSettings() {
        List<String> command = (List<String>) service("postgres").get("command");
        assertThat(command.get(0)).isEqualTo("postgres");
        nl.verzuimhub.dpia.AuditServerSettings.SETTINGS.forEach((name, value) ->
                assertThat(String.join(" ", command)).as("compose's postgres sets %s", name)
                        .contains("-c " + name + "=" + value));
    }

    /** The realm's clients are the demo profile's recipients: same ids, secrets, organisations, roles, purposes. */
    @Test
    @SuppressWarnings("unchecked")
    void theKeycloakRealmHasTheDemoClientsWithTheSameSecretsAndClaims() throws IOException {
        Map<String, Object> demo;
        try (JarFile file = new JarFile(jar.toFile())) {
            demo = new Yaml().load(file.getInputStream(file.getEntry("BOOT-INF/classes/application-demo.yml")));
        }
        Map<String, Object> realm = new Yaml().load(Files.readString(DOCKER.resolve("keycloak/realm-verzuimhub.json")));
        Map<String, Map<String, Object>> recipients = (Map<String, Map<String, Object>>) path(applicationYml, "hub", "recipients");
        Map<String, Map<String, Object>> secrets = (Map<String, Map<String, Object>>) path(demo, "hub", "recipients");
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        List<Map<String, Object>> users = (List<Map<String, Object>>) realm.get("users");
        assertThat(recipients).isNotEmpty();
        recipients.forEach((clientId, recipient) -> {
            Map<String, Object> client = clients.stream().filter(c -> clientId.equals(c.get("clientId"))).findFirst()
                    .orElseThrow(() -> new AssertionError("realm has no client " + clientId));
            assertThat(client).containsEntry("secret", secrets.get(clientId).get("secret"))
                    .containsEntry("serviceAccountsEnabled", true);
            Map<String, String> claims = new LinkedHashMap<>();
            for (Map<String, Object> mapper : (List<Map<String, Object>>) client.get("protocolMappers")) {
                Map<String, String> config = (Map<String, String>) mapper.get("config");
                claims.put(config.get("claim.name"), config.get("claim.value"));
            }
            Map<String, Object> organisation = (Map<String, Object>) recipient.get("organisation");
            assertThat(claims).containsEntry("organisation", String.valueOf(organisation.get("code")))
                    .containsEntry("organisation_type", String.valueOf(organisation.get("type")));
            List<String> purposes = (List<String>) recipient.get("purposes");
            assertThat(new Yaml().<List<String>>load(claims.get("purposes"))).isEqualTo(purposes);
            assertThat((List<String>) client.get("optionalClientScopes"))
                    .containsExactlyInAnyOrderElementsOf(purposes.stream().map(p -> "purpose:" + p).toList());
            Map<String, Object> serviceAccount = users.stream()
                    .filter(u -> clientId.equals(u.get("serviceAccountClientId"))).findFirst()
                    .orElseThrow(() -> new AssertionError("realm has no service-account user for " + clientId));
            assertThat((List<String>) serviceAccount.get("realmRoles")).containsExactly(String.valueOf(recipient.get("role")));
        });
    }

    /** Spring's relaxed binding of an environment variable: upper case, '.' and '-' as '_' (or '-' dropped). */
    static boolean names(String variable, Set<String> known, Set<String> maps) {
        for (String property : known) {
            if (variable.equals(env(property, "_")) || variable.equals(env(property, ""))) {
                return true;
            }
        }
        for (String map : maps) {
            if (variable.startsWith(env(map, "_") + "_") || variable.startsWith(env(map, "") + "_")) {
                return true;
            }
        }
        return false;
    }

    private static String env(String property, String dash) {
        return property.toUpperCase(Locale.ROOT).replace(".", "_").replace("-", dash);
    }

    /** Every property in the jar's configuration metadata and in its libraries'; map-valued ones separately. */
    private static void readMetadata(Set<String> known, Set<String> maps) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<java.util.jar.JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals("BOOT-INF/classes/META-INF/spring-configuration-metadata.json")
                        || entry.getName().equals("META-INF/spring-configuration-metadata.json")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        collect(json.readTree(in), known, maps);
                    }
                } else if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    try (JarInputStream library = new JarInputStream(file.getInputStream(entry))) {
                        ZipEntry inner;
                        while ((inner = library.getNextEntry()) != null) {
                            if (inner.getName().equals("META-INF/spring-configuration-metadata.json")
                                    || inner.getName().equals("META-INF/additional-spring-configuration-metadata.json")) {
                                collect(json.readTree(new String(library.readAllBytes(), StandardCharsets.UTF_8)),
                                        known, maps);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void collect(JsonNode metadata, Set<String> known, Set<String> maps) {
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString();
            known.add(name);
            if (property.path("type").asString("").startsWith("java.util.Map")) {
                maps.add(name);
            }
        }
    }

    private static List<String> modules() throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile())
                .getElementsByTagName("module");
        List<String> modules = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        return modules;
    }

    private static String instruction(String prefix) {
        return dockerfile.stream().map(String::trim).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("Dockerfile has no " + prefix));
    }

    private static int lastIndexOf(String prefix) {
        int last = -1;
        for (int i = 0; i < dockerfile.size(); i++) {
            if (dockerfile.get(i).startsWith(prefix)) {
                last = i;
            }
        }
        return last;
    }

    private static URI firstUrl(String text) {
        Matcher url = Pattern.compile("http://[^\\s\"']+").matcher(text);
        assertThat(url.find()).as("a URL in %s", text).isTrue();
        return URI.create(url.group());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
        assertThat(service).as("compose service %s", name).isNotNull();
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) {
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) service(name).get("environment")).forEach((k, v) -> environment.put(k, String.valueOf(v)));
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static List<String> healthTest(Map<String, Object> service) {
        return (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test");
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }
}
