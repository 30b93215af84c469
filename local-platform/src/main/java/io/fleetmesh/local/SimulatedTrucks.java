package io.fleetmesh.local;

import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.edge.config.AgentConfig;
import io.fleetmesh.simulator.Simulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Files;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The quick start's trucks: each registered through the REST API, each a real edge agent with its own leaf
 * nats-server, fed by the simulator (truck-2's sensors speak MQTT to its leaf, the others native NATS).
 */
final class SimulatedTrucks implements AutoCloseable {

    private final List<EdgeAgent> agents = new ArrayList<>();
    private Simulator simulator;

    static SimulatedTrucks start(Path home, String apiUrl, String adminPassword, String hubUrl, String hubLeafUrl,
                                 int count) throws Exception {
        SimulatedTrucks trucks = new SimulatedTrucks();
        List<String> targets = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = "truck-" + i;
            Api api = new Api(apiUrl, adminPassword);
            api.register(id);
            api.equip(id, Simulator.drivers(i - 1));
            AgentConfig config = config(home, hubUrl, hubLeafUrl, id, i, api.credentials(home, id));
            EdgeAgent agent = EdgeAgent.create(config, rules());
            agent.start();
            trucks.agents.add(agent);
            targets.add(id + "=" + (i == 2 ? "tcp://127.0.0.1:" + config.mqttPort() : config.localUrl()));
        }
        trucks.simulator = Simulator.start(targets, Duration.ofSeconds(2));
        return trucks;
    }

    private static AgentConfig config(Path home, String hubUrl, String hubLeafUrl, String id, int i, Path credentials)
            throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("FLEETMESH_AGENT_DEVICE_ID", id);
        settings.put("FLEETMESH_AGENT_HUB_URLS", hubUrl);
        settings.put("FLEETMESH_AGENT_HUB_LEAF_URLS", hubLeafUrl);
        settings.put("FLEETMESH_AGENT_DATA_DIR", home.resolve("trucks").resolve(id).toString());
        settings.put("FLEETMESH_AGENT_NATS_PORT", Integer.toString(4300 + i));
        settings.put("FLEETMESH_AGENT_MQTT_PORT", Integer.toString(1900 + i));
        settings.put("FLEETMESH_AGENT_CREDENTIALS", credentials.toString());
        return AgentConfig.load(null, settings);
    }

    private static Properties rules() {
        Properties rules = new Properties();
        rules.setProperty("rule.reefer-warm", "reefer.temp > -15 for 20s clear -16 severity CRITICAL");
        rules.setProperty("rule.compressor-hot", "reefer.compressorTemp > 95 severity WARNING");
        return rules;
    }

    /** fleet-api's REST API as the quick start's administrator. */
    private record Api(String url, String adminPassword) {

        private static final List<String> NAMES = List.of("Ana Petrova", "Jonas Berg", "Mara Lind", "Piotr Nowak",
                "Lea Fischer", "Omar Haddad", "Ines Costa", "Tomas Novak");

        /** 201 the first time, 409 on later starts: both mean the truck is registered. */
        void register(String id) throws Exception {
            int status = send("POST", "/api/v1/devices",
                    "{\"id\": \"%s\", \"name\": \"Reefer %s\", \"kind\": \"reefer-truck\", \"tags\": [\"simulated\"]}"
                            .formatted(id, id)).statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("registering " + id + " answered " + status);
            }
        }

        /** Its 400 l tank's level analysed (once), its drivers registered by name (409 on later starts: registered already). */
        void equip(String id, List<String> cards) throws Exception {
            String fuel = "/api/v1/devices/" + id + "/fuel-settings";
            if (send("GET", fuel, null).statusCode() == 404) { // set again, they would have its history read again
                expect(send("PUT", fuel, "{\"tankLitres\": 400}"), 200, id);
            }
            for (String card : cards) {
                String name = NAMES.get(Math.floorMod(card.hashCode(), NAMES.size()));
                expect(send("POST", "/api/v1/drivers", "{\"name\": \"%s\", \"identifier\": \"%s\"}".formatted(name, card)),
                        201, id);
            }
        }

        private static void expect(HttpResponse<String> response, int status, String id) {
            if (response.statusCode() != status && response.statusCode() != 409) {
                throw new IllegalStateException("equipping " + id + " answered " + response.statusCode() + " " + response.body());
            }
        }

        /** The truck's NATS credentials: issued by fleet-api at its first start, kept beside its data. */
        Path credentials(Path home, String id) throws Exception {
            Path file = home.resolve("trucks").resolve(id).resolve("device.creds");
            if (!Files.exists(file)) {
                HttpResponse<String> issued = send("POST", "/api/v1/devices/" + id + "/credentials", null);
                if (issued.statusCode() != 201) {
                    throw new IllegalStateException("credentials for " + id + ": " + issued.statusCode() + " " + issued.body());
                }
                OwnerOnlyFile.write(file, issued.body());
            }
            return file;
        }

        private HttpResponse<String> send(String method, String path, String json) throws Exception {
            String basic = Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", "Basic " + basic)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    List<String> describe() {
        return agents.stream().map(agent -> agent.localUrl() + " (MQTT 127.0.0.1:" + agent.mqttPort() + ")").toList();
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
        agents.forEach(EdgeAgent::close);
    }
}
