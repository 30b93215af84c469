package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.edge.config.AgentConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Commands end to end (ADR 0006): REST → hub → the truck's consumer → its leaf inbox → its agent → its report →
 * PostgreSQL. The reefer controller on the truck is played by the test, answering set-setpoint on the leaf, so a
 * test can count how often the truck really acted.
 */
class CommandsTest extends SystemTest {

    private static final String SETPOINT = "{\"type\": \"set-setpoint\", \"params\": {\"setpoint\": -20}, \"ttl\": \"PT10M\"}";

    @Test
    void aCommandSentWhileTheTruckWasAwayRunsWhenItReturns() throws Exception {
        String device = "cmd-away";
        platform.register(device);
        Path config = platform.agentConfigFile(device, new Properties());
        // ping: it needs nothing on the truck but the agent, which runs it as soon as it is up
        String id = create(device, "{\"type\": \"ping\", \"ttl\": \"PT10M\"}");
        awaitState(id, "SENT");

        try (EdgeAgent agent = agent(config)) {
            long back = System.nanoTime();
            JsonNode done = awaitState(id, "SUCCEEDED");
            System.out.printf("queued command: truck back to SUCCEEDED in PostgreSQL %.0f ms%n", (System.nanoTime() - back) / 1e6);
            assertThat(done.get("result").get("pong").booleanValue()).isTrue();
            assertThat(states(done)).containsExactly("QUEUED/CLOUD", "SENT/CLOUD", "DELIVERED/TRUCK", "SUCCEEDED/TRUCK");
        }
    }

    @Test
    void aCommandThatExpiredBeforeTheTruckCameBackIsNeverRun() throws Exception {
        String device = "cmd-late";
        platform.register(device);
        Path config = platform.agentConfigFile(device, new Properties());
        String id = create(device, SETPOINT.replace("PT10M", "PT2S"));
        awaitState(id, "EXPIRED");

        try (EdgeAgent agent = agent(config); Controller controller = new Controller(agent)) {
            await().atMost(Platform.patience()).until(() -> states(get(id)).contains("EXPIRED/TRUCK"));
            assertThat(controller.requests.get()).isZero();
        }
    }

    @Test
    void aCommandDeliveredTwiceRunsOnce() throws Exception {
        String device = "cmd-twice";
        EdgeAgent agent = platform.truck(device, new Properties());
        try (Controller controller = new Controller(agent); Connection leaf = Nats.connect(agent.localUrl())) {
            String id = create(device, SETPOINT);
            awaitState(id, "SUCCEEDED");
            // the same command again, as a redelivery after the inbox's de-duplication window would bring it
            byte[] again = leaf.jetStreamManagement().getLastMessage("INBOX", "agent.inbox.cmd").getData();
            leaf.jetStream().publish(NatsMessage.builder().subject("agent.inbox.cmd").data(again).build());
            await().atMost(Platform.patience()).until(() -> leaf.jetStreamManagement()
                    .getConsumerInfo("INBOX", "executor").getAckFloor().getStreamSequence() == 2);
            assertThat(controller.requests.get()).isOne();
            assertThat(states(get(id))).containsExactly("QUEUED/CLOUD", "SENT/CLOUD", "DELIVERED/TRUCK", "SUCCEEDED/TRUCK");
        }
    }

    @Test
    void anAgentKilledDuringACommandDoesNotRunItAgainAndSaysSo() throws Exception {
        String device = "cmd-killed";
        platform.register(device);
        Path configFile = platform.agentConfigFile(device, new Properties());
        AgentConfig config = AgentConfig.load(configFile, Map.of());
        Process agent = AgentProcess.start(configFile);
        AtomicInteger requests = new AtomicInteger();
        try (Connection leaf = Nats.connectReconnectOnConnect(Options.builder().server(config.localUrl())
                .maxReconnects(-1).build())) {
            await().atMost(Platform.patience()).until(() -> leaf.getStatus() == Connection.Status.CONNECTED);
            // the controller takes the request and never answers: the agent is killed while the handler waits
            leaf.createDispatcher(request -> requests.incrementAndGet()).subscribe("agent.actuator.reefer.setpoint");
            leaf.flush(Duration.ofSeconds(5));
            String id = create(device, SETPOINT);
            await().atMost(Platform.patience()).until(() -> requests.get() == 1);
            agent.destroyForcibly().waitFor();
            agent = AgentProcess.start(configFile);

            JsonNode failed = awaitState(id, "FAILED");
            assertThat(failed.get("reason").stringValue()).contains("interrupted");
            assertThat(requests.get()).isOne();
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    @Test
    void aPreconditionThatDoesNotHoldOnTheTrucksLatestReadingRejectsTheCommand() throws Exception {
        String device = "cmd-moving";
        EdgeAgent agent = platform.truck(device, new Properties());
        String immobilise = "{\"type\": \"ping\", \"preconditions\": [\"gps.speed <= 0\"]}";
        try (Connection leaf = Nats.connect(agent.localUrl())) {
            reading(leaf, device, 54.5);
            JsonNode rejected = awaitState(create(device, immobilise), "REJECTED");
            assertThat(rejected.get("reason").stringValue()).contains("gps.speed <= 0", "54.5");

            reading(leaf, device, 0);
            awaitState(create(device, immobilise), "SUCCEEDED");
        }
    }

    @Test
    void waitAnswersWithAnOnlineTrucksResultAndQueuesForAnOfflineOne() throws Exception {
        String device = "cmd-online";
        platform.truck(device, new Properties());
        await().atMost(Platform.patience()).until(() -> call("POST", device, "?wait=PT2S", "{\"type\": \"ping\"}").status() == 200);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            Platform.Answer answer = call("POST", device, "?wait=PT5S", "{\"type\": \"ping\"}");
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("state").stringValue()).isEqualTo("SUCCEEDED");
            assertThat(answer.body().get("result").get("pong").booleanValue()).isTrue();
        }
        millis.sort(null);
        System.out.printf("synchronous ping through REST: median %.1f ms, max %.1f ms (20)%n", millis.get(10), millis.get(19));

        String away = "cmd-nobody";
        platform.register(away);
        Platform.Answer queued = call("POST", away, "?wait=PT1S", "{\"type\": \"ping\"}");
        assertThat(queued.status()).isEqualTo(202);
        awaitState(queued.body().get("id").stringValue(), "SENT");
    }

    @Test
    void restartAgentSucceedsThenTheAgentRestartsOnceAndDoesNotRunItAgain() throws Exception {
        String device = "cmd-restart";
        platform.register(device);
        try (RestartingTruck truck = new RestartingTruck(platform.agentConfigFile(device, new Properties()))) {
            String id = create(device, "{\"type\": \"restart-agent\"}");
            assertThat(awaitState(id, "SUCCEEDED").get("result").get("restarting").booleanValue()).isTrue();
            await().atMost(Platform.patience()).until(() -> truck.restarts.get() == 1 && truck.running());
            try (Connection leaf = Nats.connect(truck.localUrl())) {
                await().atMost(Platform.patience()).until(() -> leaf.jetStreamManagement()
                        .getConsumerInfo("INBOX", "executor").getAckFloor().getStreamSequence() == 1);
            }
            String ping = create(device, "{\"type\": \"ping\"}");
            awaitState(ping, "SUCCEEDED");
            assertThat(truck.restarts.get()).isOne();
        }
    }

    /** An embedded agent whose restart-agent closes it and starts a new one on the same configuration and data. */
    private static final class RestartingTruck implements AutoCloseable {

        final AtomicInteger restarts = new AtomicInteger();
        private final Path config;
        private volatile EdgeAgent agent;

        RestartingTruck(Path config) throws Exception {
            this.config = config;
            this.agent = started();
        }

        private EdgeAgent started() throws Exception {
            EdgeAgent started = EdgeAgent.create(AgentConfig.load(config, Map.of()), new Properties()).withRestart(this::restart);
            started.start();
            return started;
        }

        private void restart() {
            agent.close();
            agent = null;
            try {
                agent = started();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            restarts.incrementAndGet();
        }

        boolean running() {
            return agent != null;
        }

        String localUrl() {
            return agent.localUrl();
        }

        @Override
        public void close() {
            if (agent != null) {
                agent.close();
            }
        }
    }

    private static EdgeAgent agent(Path config) throws Exception {
        EdgeAgent agent = EdgeAgent.create(AgentConfig.load(config, Map.of()), new Properties());
        agent.start();
        return agent;
    }

    private static void reading(Connection leaf, String device, double speed) throws Exception {
        leaf.jetStream().publish("fleet." + device + ".telemetry.gps", ("{\"ts\": \"" + Instant.now()
                + "\", \"speed\": " + speed + "}").getBytes(StandardCharsets.UTF_8));
        await().atMost(Platform.patience()).until(() -> platform.jdbc.queryForObject(
                "SELECT count(*) FROM telemetry WHERE device_id = ? AND (metrics->>'speed')::float = ?", Integer.class,
                device, speed) == 1);
    }

    private static String create(String device, String body) throws Exception {
        Platform.Answer created = call("POST", device, "", body);
        assertThat(created.status()).isEqualTo(202);
        return created.body().get("id").stringValue();
    }

    private static Platform.Answer call(String method, String device, String query, String body) throws Exception {
        return platform.call(method, "/api/v1/devices/" + device + "/commands" + query, body);
    }

    private static JsonNode get(String id) throws Exception {
        return platform.call("GET", "/api/v1/commands/" + id, null).body();
    }

    private static JsonNode awaitState(String id, String state) {
        await().atMost(Platform.patience()).until(() -> get(id).get("state").stringValue().equals(state));
        try {
            return get(id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> states(JsonNode command) {
        List<String> states = new ArrayList<>();
        command.get("transitions").forEach(t -> states.add(t.get("state").stringValue() + "/" + t.get("source").stringValue()));
        return states;
    }

    /** The truck's reefer controller: answers set-setpoint requests on the leaf and counts them. */
    private static final class Controller implements AutoCloseable {

        final AtomicInteger requests = new AtomicInteger();
        private final Connection leaf;

        Controller(EdgeAgent agent) throws Exception {
            leaf = Nats.connect(agent.localUrl());
            leaf.createDispatcher(request -> {
                requests.incrementAndGet();
                leaf.publish(request.getReplyTo(), request.getData());
            }).subscribe("agent.actuator.reefer.setpoint");
            leaf.flush(Duration.ofSeconds(5));
        }

        @Override
        public void close() throws InterruptedException {
            leaf.close();
        }
    }
}
