package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml, the helm chart and the Dockerfiles, validated without a Docker engine or a cluster: Debian's
 * docker-compose parses the compose file, helm-java (Helm 3) lints and renders the chart, and every setting, port,
 * probe and health check they use is checked against the application's own configuration keys (its configuration
 * metadata, the agent's documented keys) and against a running fleet-api and agent.
 */
class DeploymentTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SETTING = Pattern.compile("\\b(FLEETMESH_[A-Z0-9_]+)");
    private static Platform platform;

    @BeforeAll
    static void start() {
        platform = new Platform(); // assigned before fleet-api starts: @AfterAll stops it even if that fails
        platform.startApi();
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileIsValidAndUsesOnlyTheApplicationsSettings() throws Exception {
        Map<String, Object> compose = new Yaml().load(composeConfig());
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsKeys("postgres", "nats-1", "nats-2", "nats-3", "fleet-api-1", "fleet-api-2",
                "truck-1", "truck-2");
        for (String api : List.of("fleet-api-1", "fleet-api-2")) {
            Map<String, Object> environment = (Map<String, Object>) services.get(api).get("environment");
            assertThat(environment.keySet()).as(api).isSubsetOf(fleetApiSettings());
            assertThat(environment.get("FLEETMESH_NATS_URLS").toString()).contains("nats-1:4222", "nats-2:4222", "nats-3:4222");
            assertThat(environment.get("FLEETMESH_NATS_STREAMS_REPLICAS")).isEqualTo("3");
        }
        for (String truck : List.of("truck-1", "truck-2")) {
            Map<String, Object> environment = (Map<String, Object>) services.get(truck).get("environment");
            assertThat(environment.keySet()).as(truck).isSubsetOf(agentSettings());
            assertThat(environment.get("FLEETMESH_AGENT_DEVICE_ID")).isEqualTo(truck);
        }
        for (int node = 1; node <= 3; node++) {
            String conf = Files.readString(ROOT.resolve("deploy/nats/nats-" + node + ".conf"));
            assertThat(conf).contains("server_name: \"nats-" + node + "\"", "domain: \"hub\"", "listen: \"0.0.0.0:7422\"",
                    "nats-route://nats-1:6222", "nats-route://nats-2:6222", "nats-route://nats-3:6222");
        }
    }

    @Test
    void theChartLintsAndRendersWithTheApplicationsSettingsPortAndProbes() throws Exception {
        LintResult lint = new Helm(ROOT.resolve("helm/fleetmesh")).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();

        List<JsonNode> rendered = render(Map.of("ingress.enabled", "true", "nats.keysSecret", "fleetmesh-mesh-keys"));
        assertThat(rendered).extracting(doc -> doc.get("kind").stringValue()).contains("Deployment", "Service", "Ingress",
                "ConfigMap", "HorizontalPodAutoscaler", "PodDisruptionBudget");
        JsonNode configMap = rendered.stream().filter(doc -> doc.get("kind").stringValue().equals("ConfigMap")
                && doc.at("/metadata/name").stringValue().equals("fleet-fleetmesh")).findFirst().orElseThrow();
        JsonNode container = kind(rendered, "Deployment").at("/spec/template/spec/containers/0");
        Set<String> settings = new TreeSet<>(configMap.get("data").propertyNames());
        container.get("env").forEach(variable -> settings.add(variable.get("name").stringValue()));
        settings.remove("MANAGEMENT_SERVER_PORT"); // Spring Boot's own
        assertThat(settings).isSubsetOf(fleetApiSettings()).contains("FLEETMESH_DB_PASSWORD", "FLEETMESH_MESH_KEYSDIR");

        assertThat(port(container, "http")).isEqualTo(Integer.parseInt(configMap.at("/data/FLEETMESH_HTTP_PORT").stringValue()));
        assertThat(port(container, "management"))
                .isEqualTo(Integer.parseInt(configMap.at("/data/MANAGEMENT_SERVER_PORT").stringValue()));
        assertThat(kind(rendered, "Service").at("/spec/ports")).as("the Service exposes the application only").hasSize(1);
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").booleanValue()).isFalse();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").stringValue()).isEqualTo("management");
            assertThat(status(platform.baseUrl() + container.at("/" + probe + "/httpGet/path").stringValue()))
                    .as(probe + " on a running fleet-api").isEqualTo(200);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeScrapesBothReplicasAndTheHubAndGrafanaLoadsTheChartsDashboard() throws Exception {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(
                composeConfig()).get("services");
        assertThat(services).containsKeys("prometheus", "grafana", "nats-exporter-1", "nats-exporter-2", "nats-exporter-3");
        Map<String, Map<String, Object>> jobs = new TreeMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) yaml("deploy/prometheus/prometheus.yml").get("scrape_configs")) {
            jobs.put((String) job.get("job_name"), job);
        }
        // compose gives fleet-api no management port: the actuator answers on the application port, 8080
        assertThat(targets(jobs.get("fleet-api"))).containsExactly("fleet-api-1:8080", "fleet-api-2:8080");
        for (String api : List.of("fleet-api-1", "fleet-api-2")) {
            assertThat((Map<String, Object>) services.get(api).get("environment"))
                    .doesNotContainKeys("MANAGEMENT_SERVER_PORT", "FLEETMESH_HTTP_PORT");
        }
        String metricsPath = (String) jobs.get("fleet-api").get("metrics_path");
        assertThat(status(platform.baseUrl() + metricsPath)).as("scraped without credentials").isEqualTo(200);
        assertThat(targets(jobs.get("nats"))).containsExactly("nats-exporter-1:7777", "nats-exporter-2:7777",
                "nats-exporter-3:7777");
        for (int node = 1; node <= 3; node++) {
            assertThat((List<String>) services.get("nats-exporter-" + node).get("command"))
                    .contains("-port=7777", "http://nats-" + node + ":8222/");
            assertThat(Files.readString(ROOT.resolve("deploy/nats/nats-" + node + ".conf"))).contains("http: \"0.0.0.0:8222\"");
        }

        Map<String, Object> grafana = services.get("grafana");
        assertThat(((Map<String, Object>) grafana.get("environment")).get("GF_SECURITY_ADMIN_PASSWORD")).isEqualTo("compose-check");
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml"))).contains("${GRAFANA_ADMIN_PASSWORD:?");
        assertThat(Files.readAllLines(ROOT.resolve("deploy/compose.env.example"))).contains("GRAFANA_ADMIN_PASSWORD=");
        Map<String, String> mounts = new TreeMap<>();
        for (String volume : (List<String>) grafana.get("volumes")) {
            String[] parts = volume.split(":");
            mounts.put(parts[0], parts[1]);
        }
        assertThat(mounts.get(ROOT.resolve("deploy/grafana/provisioning").toString())).isEqualTo("/etc/grafana/provisioning");
        String dashboards = mounts.get(ROOT.resolve("helm/fleetmesh/dashboards").toString());
        Map<String, Object> provider = ((List<Map<String, Object>>) yaml("deploy/grafana/provisioning/dashboards/fleetmesh.yml")
                .get("providers")).get(0);
        assertThat(((Map<String, Object>) provider.get("options")).get("path")).isEqualTo(dashboards);
        Map<String, Object> datasource = ((List<Map<String, Object>>) yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
                .get("datasources")).get(0);
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeAndTheNatsChartValuesDeployOneNatsServerRelease() throws Exception {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(
                composeConfig()).get("services");
        Map<String, Object> image = (Map<String, Object>) ((Map<String, Object>) yaml("helm/nats-values.yaml")
                .get("container")).get("image");
        for (int node = 1; node <= 3; node++) {
            assertThat(services.get("nats-" + node).get("image")).isEqualTo(image.get("repository") + ":" + image.get("tag"));
        }
        String release = ((String) image.get("tag")).replace("-alpine", "");
        assertThat(Files.readString(ROOT.resolve("helm/nats-values.yaml"))).contains("--version " + release);
        assertThat(Files.readString(ROOT.resolve("docs/operations.md"))).contains(release);
    }

    @Test
    void theChartShipsTheComposeDashboardForAGrafanaSidecar() throws Exception {
        Path file = ROOT.resolve("helm/fleetmesh/dashboards/fleetmesh.json");
        List<JsonNode> dashboards = render(Map.of()).stream()
                .filter(doc -> doc.at("/metadata/labels/grafana_dashboard").stringValue("").equals("1")).toList();
        assertThat(dashboards).hasSize(1);
        assertThat(dashboards.get(0).get("kind").stringValue()).isEqualTo("ConfigMap");
        String shipped = dashboards.get(0).at("/data/fleetmesh.json").stringValue();
        assertThat(shipped).isEqualTo(Files.readString(file).strip());
        assertThat(JsonMapper.builder().build().readTree(shipped).get("uid").stringValue()).isEqualTo("fleetmesh");
        assertThat(render(Map.of("grafana.dashboards.enabled", "false")))
                .noneMatch(doc -> doc.at("/metadata/labels/grafana_dashboard").isString());
    }

    @Test
    void theImagesRunAsNonRootAndTheirHealthChecksAskRealEndpoints() throws Exception {
        for (String image : List.of("fleet-api", "edge-agent")) {
            String dockerfile = Files.readString(ROOT.resolve(image + "/Dockerfile"));
            assertThat(dockerfile).as(image).containsPattern("(?m)^USER 10001").containsPattern("(?m)^HEALTHCHECK ");
            Set<String> settings = new TreeSet<>();
            Matcher found = SETTING.matcher(dockerfile.replaceAll("(?m)^#.*$", ""));
            while (found.find()) {
                settings.add(found.group(1));
            }
            assertThat(settings).as(image).isSubsetOf(image.equals("fleet-api") ? fleetApiSettings() : agentSettings());
        }
        String api = Files.readString(ROOT.resolve("fleet-api/Dockerfile"));
        assertThat(status(platform.baseUrl() + healthPath(api))).isEqualTo(200);
        assertThat(healthPath(Files.readString(ROOT.resolve("edge-agent/Dockerfile")))).isEqualTo("/health");
    }

    /** docker-compose's own rendering of the file, with the variables an operator sets in .env. */
    private static String composeConfig() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("FLEETMESH_DB_PASSWORD", "compose-check");
        builder.environment().put("FLEETMESH_ADMIN_PASSWORD", "compose-check");
        builder.environment().put("GRAFANA_ADMIN_PASSWORD", "compose-check");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static List<JsonNode> render(Map<String, String> values) {
        var template = new Helm(ROOT.resolve("helm/fleetmesh")).template().withName("fleet");
        values.forEach(template::set);
        List<JsonNode> documents = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (Object document : new Yaml().loadAll(template.call())) {
            if (document != null) {
                documents.add(json.valueToTree(document));
            }
        }
        return documents;
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> targets(Map<String, Object> job) {
        return ((List<Map<String, Object>>) job.get("static_configs")).stream()
                .flatMap(config -> ((List<String>) config.get("targets")).stream()).toList();
    }

    private static int port(JsonNode container, String name) {
        return StreamSupport.stream(container.get("ports").spliterator(), false)
                .filter(port -> port.get("name").stringValue().equals(name)).findFirst().orElseThrow()
                .get("containerPort").intValue();
    }

    private static JsonNode kind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(doc -> doc.get("kind").stringValue().equals(kind)).findFirst().orElseThrow();
    }

    /** Every fleet-api setting as an environment variable: dots become underscores, dashes go (Spring's rule). */
    private static Set<String> fleetApiSettings() throws IOException {
        try (InputStream metadata = DeploymentTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            JsonNode properties = JsonMapper.builder().build().readTree(metadata).get("properties");
            Set<String> names = StreamSupport.stream(properties.spliterator(), false)
                    .map(property -> property.get("name").stringValue()).filter(name -> name.startsWith("fleetmesh."))
                    .map(name -> name.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(names).as("the configuration metadata").contains("FLEETMESH_NATS_URLS", "FLEETMESH_DB_URL");
            return names;
        }
    }

    /** The agent's documented keys (its sample agent.properties) as FLEETMESH_AGENT_* variables. */
    private static Set<String> agentSettings() throws IOException {
        return Files.readAllLines(ROOT.resolve("edge-agent/dist/agent.properties.example")).stream()
                .map(line -> line.replaceFirst("^#", "")).filter(line -> line.matches("[a-z][a-z0-9.-]*=.*"))
                .map(line -> "FLEETMESH_AGENT_" + line.substring(0, line.indexOf('=')).replace('.', '_').replace('-', '_')
                        .toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String healthPath(String dockerfile) {
        Matcher path = Pattern.compile("HEALTHCHECK[\\s\\S]*?http://127\\.0\\.0\\.1:\\d+(/[^\\s|]*)").matcher(dockerfile);
        assertThat(path.find()).as("a health check over HTTP").isTrue();
        return path.group(1);
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
