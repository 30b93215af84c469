package io.fleetmesh.bench;

import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Command round trip with one online truck (agent + own leaf), everything real on loopback, the agent in a JVM of its
 * own with the gateway's flags ({@link AgentProcess}), as on a truck: the NATS part (a hub
 * client's request to the agent, which runs the command through its at-most-once executor and answers) and the whole
 * path through REST ({@code POST .../commands?wait=PT5S} with an API key, to SUCCEEDED in PostgreSQL); then how soon
 * a command queued while the truck was away is delivered once it is back.
 * Usage: {@code bin/bench commands [--commands 1000] [--reconnects 5]}.
 */
public final class CommandBenchmark {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String DEVICE = "bench-cmd";

    private CommandBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        int commands = arguments.integer("--commands", 1_000);
        System.out.println(Machine.describe());
        try (BenchPlatform platform = new BenchPlatform()) {
            Map<String, String> settings = BenchPlatform.agentSettings(platform.hub, DEVICE);
            platform.jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES"
                    + " ('00000000-0000-0000-0000-000000000001', ?, ?, 'reefer-truck')", DEVICE, DEVICE);
            Rest rest = new Rest(platform);
            Path logs = Files.createTempDirectory("fleetmesh-bench-cmd-agent");
            try (AgentProcess agent = AgentProcess.start(logs, settings)) {
                natsRoundTrip(platform, commands);
                restRoundTrip(rest, commands);
            }
            queuedDelivery(rest, logs, settings, arguments.integer("--reconnects", 5));
        }
        System.exit(0);
    }

    /** fleet-api's own hop: request to the agent's rpc subject, answer with the final report. */
    private static void natsRoundTrip(BenchPlatform platform, int commands) throws Exception {
        try (Connection hub = Nats.connect(platform.hub.url())) {
            awaitAnswering(hub);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < commands + commands / 5; i++) {
                long start = System.nanoTime();
                if (!pinged(hub, Duration.ofSeconds(5))) {
                    throw new IllegalStateException("no answer from the agent");
                }
                if (i >= commands / 5) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            print("NATS part: hub request → agent (claim, run, report into the outbox) → answer", millis);
        }
    }

    /** The agent's JVM has started, its leaf and hub links are up and it answers a ping. */
    private static void awaitAnswering(Connection hub) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!pinged(hub, Duration.ofSeconds(1))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the agent did not answer within 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static boolean pinged(Connection hub, Duration timeout) throws Exception {
        byte[] ping = json.writeValueAsBytes(Map.of("id", UUID.randomUUID().toString(), "type", "ping",
                "params", Map.of(), "expiresAt", Instant.now().plusSeconds(60).toString()));
        try {
            Message answer = hub.request(Subjects.commandRequests(DEVICE), ping, timeout);
            return answer != null && new String(answer.getData(), StandardCharsets.UTF_8).contains("succeeded");
        } catch (CancellationException noResponders) {
            return false;
        }
    }

    private static void restRoundTrip(Rest rest, int commands) throws Exception {
        print("through REST: POST ?wait=PT5S → stored SUCCEEDED → 200", restRoundTrip(rest, DEVICE, commands));
    }

    /** {@code commands} pings through REST after a fifth as many for warm-up; their times in ms. */
    static List<Double> restRoundTrip(Rest rest, String device, int commands) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < commands + commands / 5; i++) {
            long start = System.nanoTime();
            JsonNode answer = rest.post("/api/v1/devices/" + device + "/commands?wait=PT5S", "{\"type\": \"ping\"}");
            if (!answer.get("state").stringValue().equals("SUCCEEDED")) {
                throw new IllegalStateException("not SUCCEEDED: " + answer);
            }
            if (i >= commands / 5) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return millis;
    }

    /** The truck is away; a command is queued (SENT); the truck starts again: how soon is it delivered? */
    private static void queuedDelivery(Rest rest, Path logs, Map<String, String> settings, int runs)
            throws Exception {
        List<Double> delivered = new ArrayList<>();
        List<Double> succeeded = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String id = rest.post("/api/v1/devices/" + DEVICE + "/commands", "{\"type\": \"ping\"}").get("id").stringValue();
            awaitState(rest, id, "SENT");
            long start = System.nanoTime();
            try (AgentProcess agent = AgentProcess.start(logs, settings)) {
                awaitState(rest, id, "DELIVERED", "SUCCEEDED");
                delivered.add((System.nanoTime() - start) / 1e6);
                awaitState(rest, id, "SUCCEEDED");
                succeeded.add((System.nanoTime() - start) / 1e6);
            }
        }
        System.out.printf("queued command, truck back (agent JVM start, leaf up, hub link) → DELIVERED in PostgreSQL:"
                + " median %.0f ms %s; → SUCCEEDED median %.0f ms%n", Stats.median(delivered), Stats.list(delivered),
                Stats.median(succeeded));
    }

    private static void awaitState(Rest rest, String id, String... states) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String state = rest.get("/api/v1/commands/" + id).get("state").stringValue();
            if (List.of(states).contains(state)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("command " + id + " never reached " + List.of(states));
    }

    static void print(String what, List<Double> millis) {
        millis.sort(null);
        System.out.printf("%s (%d): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, millis.size(),
                millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
                millis.get(millis.size() - 1));
    }

    /** REST with an ADMIN API key, as a dispatch system calls it. */
    static final class Rest {

        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final String key;

        Rest(BenchPlatform platform) throws Exception {
            this(platform.api);
        }

        Rest(ConfigurableApplicationContext api) throws Exception {
            base = "http://127.0.0.1:" + ((WebServerApplicationContext) api).getWebServer().getPort();
            String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + BenchPlatform.ADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            key = "Bearer " + send(basic, "POST", "/api/v1/api-keys",
                    "{\"name\": \"bench\", \"role\": \"ADMIN\", \"validFor\": \"P1D\"}").get("token").stringValue();
        }

        JsonNode post(String path, String body) throws Exception {
            return send(key, "POST", path, body);
        }

        JsonNode get(String path) throws Exception {
            return send(key, "GET", path, null);
        }

        /** A PUT of raw bytes ({@code application/octet-stream}); its status. */
        int put(String path, byte[] bytes) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", key)
                    .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        JsonNode delete(String path) throws Exception {
            return send(key, "DELETE", path, null);
        }

        JsonNode putJson(String path, String body) throws Exception {
            return send(key, "PUT", path, body);
        }

        /** The answer's body as it is (a {@code .creds} file). */
        String postText(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", key)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        private JsonNode send(String authorization, String method, String path, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return json.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
        }
    }
}
