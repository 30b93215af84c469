package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshJwts;
import io.fleetmesh.devkit.NatsServer;
import io.fleetmesh.devkit.Ports;
import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.edge.config.AgentConfig;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.ErrorListener;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ObjectMeta;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.support.JwtUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub in operator mode (nats-server 2.9.10, full resolver): a device user proves itself by signature, its JWT
 * confines it to its own subjects, tenants are accounts that see nothing of each other, and revoking the user
 * closes its connections: a client's, and a truck's leaf link and sync.
 */
class MeshSecurityTest {

    private static final SecureRandom random = new SecureRandom();

    @TempDir
    static Path dir;

    private static NKey operator;
    private static NKey system;
    private static NKey tenantA;
    private static NKey tenantB;
    private static NatsServer hub;

    @BeforeAll
    static void hubInOperatorMode() throws Exception {
        operator = NKey.createOperator(random);
        system = NKey.createAccount(random);
        tenantA = NKey.createAccount(random);
        tenantB = NKey.createAccount(random);
        hub = NatsServer.hub(dir.resolve("hub"))
                .withOperator(MeshJwts.operator(operator, "fleetmesh", key(system)), key(system), Map.of(
                        key(system), MeshJwts.account(operator, key(system), "SYS", false, Map.of()),
                        key(tenantA), MeshJwts.account(operator, key(tenantA), "tenant-a", true, Map.of()),
                        key(tenantB), MeshJwts.account(operator, key(tenantB), "tenant-b", true, Map.of())))
                .start();
        try (Connection service = connect(tenantA, "fleet-api", null, null)) {
            service.jetStreamManagement().addStream(StreamConfiguration.builder().name("TELEMETRY")
                    .subjects("fleet.*.telemetry.>").build());
            service.jetStreamManagement().addStream(StreamConfiguration.builder().name("EVENTS")
                    .subjects("fleet.*.events.>").build());
        }
    }

    @AfterAll
    static void stop() {
        hub.stop();
    }

    @Test
    void aDeviceWritesItsOwnSubjectsAndNothingElse() throws Exception {
        List<String> refused = new CopyOnWriteArrayList<>();
        try (Connection truck = connect(tenantA, "truck-1", MeshJwts.Permissions.device("truck-1"), refused::add)) {
            assertThat(truck.jetStream().publish("fleet.truck-1.telemetry.reefer", reading()).getSeqno()).isPositive();

            truck.publish("fleet.truck-2.telemetry.reefer", reading());
            truck.subscribe("fleet.truck-2.>");
            truck.subscribe("fleet.>");
            assertThatThrownBy(() -> truck.jetStreamManagement().deleteStream("TELEMETRY")).isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> refused.size() >= 4);
        }
        assertThat(refused).anyMatch(e -> e.contains("Publish") && e.contains("fleet.truck-2.telemetry.reefer"))
                .anyMatch(e -> e.contains("Subscription") && e.contains("fleet.truck-2.>"))
                .anyMatch(e -> e.contains("Subscription") && e.contains("\"fleet.>\""))
                .anyMatch(e -> e.contains("$JS.API"));
        try (Connection service = connect(tenantA, "fleet-api", null, null)) {
            var state = service.jetStreamManagement().getStreamInfo("TELEMETRY",
                    StreamInfoOptions.filterSubjects("fleet.*.telemetry.>")).getStreamState();
            assertThat(state.getSubjects()).extracting(s -> s.getName()).contains("fleet.truck-1.telemetry.reefer")
                    .doesNotContain("fleet.truck-2.telemetry.reefer");
        }
    }

    /**
     * ADR 0006: a device's commands reach it through its own consumer of the hub's COMMANDS stream, delivered to a
     * subject of its own; it acknowledges them, and nothing of another device's; it answers synchronous requests.
     */
    @Test
    void aDeviceGetsAndAcknowledgesOnlyItsOwnCommandsAndAnswersRequests() throws Exception {
        List<String> refused = new CopyOnWriteArrayList<>();
        try (Connection service = connect(tenantA, "fleet-api", null, null);
             Connection truck = connect(tenantA, "truck-5", MeshJwts.Permissions.device("truck-5"), refused::add)) {
            var jsm = service.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name("COMMANDS").subjects("fleet.*.cmd.>").build());
            for (String device : List.of("truck-5", "truck-6")) {
                jsm.addOrUpdateConsumer("COMMANDS", ConsumerConfiguration.builder().durable(HubStreams.commandConsumer(device))
                        .filterSubject("fleet." + device + ".cmd.>").deliverSubject(HubStreams.commandDelivery(device))
                        .ackPolicy(AckPolicy.Explicit).build());
                service.jetStream().publish("fleet." + device + ".cmd.ping", ("{\"id\": \"" + device + "\"}").getBytes());
            }
            Subscription own = truck.subscribe(HubStreams.commandDelivery("truck-5"));
            truck.subscribe(HubStreams.commandDelivery("truck-6"));
            Message command = own.nextMessage(Duration.ofSeconds(5));
            assertThat(new String(command.getData(), StandardCharsets.UTF_8)).contains("truck-5");
            truck.publish(command.getReplyTo(), "+ACK".getBytes(StandardCharsets.UTF_8));
            truck.publish(command.getReplyTo().replace("cmd-truck-5", "cmd-truck-6"), "+ACK".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(5)).until(() -> jsm.getConsumerInfo("COMMANDS",
                    HubStreams.commandConsumer("truck-5")).getAckFloor().getStreamSequence() > 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> refused.size() >= 2);
            assertThat(jsm.getConsumerInfo("COMMANDS", HubStreams.commandConsumer("truck-6")).getAckFloor()
                    .getStreamSequence()).isZero();

            truck.createDispatcher(request -> truck.publish(request.getReplyTo(), "done".getBytes()))
                    .subscribe(HubStreams.commandRpc("truck-5"));
            truck.flush(Duration.ofSeconds(5));
            assertThat(service.request(HubStreams.commandRpc("truck-5"), new byte[0], Duration.ofSeconds(5)).getData())
                    .asString().isEqualTo("done");
        }
        assertThat(refused).anyMatch(e -> e.contains("Subscription") && e.contains("truck-6"))
                .anyMatch(e -> e.contains("Publish") && e.contains("cmd-truck-6"));
    }

    /**
     * ADR 0013: a released truck pulls its package's chunks through the consumer fleet-api made for it, and acks
     * them; another truck's consumer, and making a consumer of its own (which 2.9.10 would not scope to a filter),
     * are refused.
     */
    @Test
    void aDevicePullsAndAcknowledgesOnlyItsOwnPackageConsumer() throws Exception {
        List<String> refused = new CopyOnWriteArrayList<>();
        byte[] ours = new byte[300_000];
        random.nextBytes(ours);
        try (Connection service = connect(tenantA, "fleet-api", null, null);
             Connection truck = connect(tenantA, "truck-7", MeshJwts.Permissions.device("truck-7"), refused::add)) {
            service.objectStoreManagement().create(ObjectStoreConfiguration.builder(HubStreams.PACKAGES_BUCKET).build());
            var store = service.objectStore(HubStreams.PACKAGES_BUCKET);
            var jsm = service.jetStreamManagement();
            for (String device : List.of("truck-7", "truck-8")) {
                var info = store.put(ObjectMeta.builder(device + "-fw@1").chunkSize(128 * 1024).build(),
                        new java.io.ByteArrayInputStream(device.equals("truck-7") ? ours : new byte[1000]));
                jsm.addOrUpdateConsumer(HubStreams.PACKAGES, ConsumerConfiguration.builder()
                        .durable(HubStreams.packageConsumer(device)).filterSubject(HubStreams.packageChunks(info.getNuid()))
                        .ackPolicy(AckPolicy.Explicit).build());
            }
            Subscription replies = truck.subscribe("_INBOX.truck-7.pkg");
            truck.publish("$JS.API.CONSUMER.MSG.NEXT." + HubStreams.PACKAGES + "." + HubStreams.packageConsumer("truck-7"),
                    "_INBOX.truck-7.pkg", "{\"batch\": 3, \"expires\": 2000000000}".getBytes(StandardCharsets.UTF_8));
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 3; i++) {
                Message chunk = replies.nextMessage(Duration.ofSeconds(5));
                got.writeBytes(chunk.getData());
                truck.publish(chunk.getReplyTo(), "+ACK".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(got.toByteArray()).isEqualTo(ours);
            truck.publish("$JS.API.CONSUMER.MSG.NEXT." + HubStreams.PACKAGES + "." + HubStreams.packageConsumer("truck-8"),
                    "_INBOX.truck-7.pkg", "{\"batch\": 1}".getBytes(StandardCharsets.UTF_8));
            truck.publish("$JS.API.CONSUMER.CREATE." + HubStreams.PACKAGES, "_INBOX.truck-7.pkg",
                    "{\"stream_name\": \"OBJ_packages\", \"config\": {}}".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(5)).until(() -> jsm.getConsumerInfo(HubStreams.PACKAGES,
                    HubStreams.packageConsumer("truck-7")).getAckFloor().getStreamSequence() > 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> refused.size() >= 2);
            assertThat(jsm.getConsumerInfo(HubStreams.PACKAGES, HubStreams.packageConsumer("truck-8")).getDelivered()
                    .getStreamSequence()).isZero();
        }
        assertThat(refused).anyMatch(e -> e.contains("Publish") && e.contains("ota-truck-8"))
                .anyMatch(e -> e.contains("Publish") && e.contains("CONSUMER.CREATE"));
    }

    @Test
    void anotherTenantSeesNothingOfIt() throws Exception {
        try (Connection other = connect(tenantB, "tenant-b-app", null, null);
             Connection truck = connect(tenantA, "truck-3", MeshJwts.Permissions.device("truck-3"), null)) {
            Subscription everything = other.subscribe(">");
            other.flush(Duration.ofSeconds(5));
            truck.publish("fleet.truck-3.events.status", reading());
            truck.flush(Duration.ofSeconds(5));
            // the same route carries tenant B's own message after it: once that is here, a leak would be too
            other.publish("probe.b", new byte[0]);
            assertThat(everything.nextMessage(Duration.ofSeconds(5)).getSubject()).isEqualTo("probe.b");
        }
    }

    @Test
    void revokingADeviceClosesItsConnectionWithinSeconds() throws Exception {
        NKey user = NKey.createUser(random);
        Path creds = credsFile(tenantA, user, "truck-9", MeshJwts.Permissions.device("truck-9"));
        try (Connection truck = Nats.connect(Options.builder().server(hub.url()).authHandler(Nats.credentials(creds.toString()))
                     .inboxPrefix("_INBOX.truck-9").maxReconnects(-1).reconnectWait(Duration.ofMillis(200)).build());
             Connection sys = connect(system, "fleet-api-system", null, null)) {
            String revoked = MeshJwts.account(operator, key(tenantA), "tenant-a", true,
                    Map.of(key(user), JwtUtils.currentTimeSeconds() + 1));
            long start = System.nanoTime();
            var answer = sys.request("$SYS.REQ.ACCOUNT." + key(tenantA) + ".CLAIMS.UPDATE",
                    revoked.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
            assertThat(new String(answer.getData(), StandardCharsets.UTF_8)).contains("\"code\":200");
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> truck.getStatus() != Connection.Status.CONNECTED);
            System.out.printf("revocation: connection closed %.0f ms after the account update%n",
                    (System.nanoTime() - start) / 1e6);
            Options again = Options.builder().server(hub.url()).authHandler(Nats.credentials(creds.toString()))
                    .maxReconnects(0).noReconnect().build();
            assertThatThrownBy(() -> Nats.connect(again)).isNotNull();
        }
    }

    @Test
    void aTruckSyncsWithItsOwnCredentialsAndIsCutOffWhenRevoked() throws Exception {
        NKey user = NKey.createUser(random);
        Path creds = credsFile(tenantA, user, "sec-truck", MeshJwts.Permissions.device("sec-truck"));
        Map<String, String> settings = Map.of("FLEETMESH_AGENT_DEVICE_ID", "sec-truck",
                "FLEETMESH_AGENT_HUB_URLS", hub.url(), "FLEETMESH_AGENT_HUB_LEAF_URLS", hub.leafUrl(),
                "FLEETMESH_AGENT_CREDENTIALS", creds.toString(),
                "FLEETMESH_AGENT_DATA_DIR", dir.resolve("sec-truck").toString(),
                "FLEETMESH_AGENT_NATS_PORT", Integer.toString(Ports.free()),
                "FLEETMESH_AGENT_MQTT_PORT", Integer.toString(Ports.free()));
        try (EdgeAgent agent = EdgeAgent.create(AgentConfig.load(null, settings), new java.util.Properties());
             Connection service = connect(tenantA, "fleet-api", null, null);
             Connection sys = connect(system, "fleet-api-system", null, null)) {
            agent.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> truckConnections() == 2);
            try (Connection leaf = Nats.connect(agent.localUrl())) {
                leaf.jetStream().publish("fleet.sec-truck.telemetry.reefer", reading());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> service.jetStreamManagement()
                    .getStreamInfo("TELEMETRY", StreamInfoOptions.filterSubjects("fleet.sec-truck.>"))
                    .getStreamState().getSubjects() != null);

            long start = System.nanoTime();
            sys.request("$SYS.REQ.ACCOUNT." + key(tenantA) + ".CLAIMS.UPDATE", MeshJwts.account(operator, key(tenantA),
                    "tenant-a", true, Map.of(key(user), JwtUtils.currentTimeSeconds() + 1)).getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> truckConnections() == 0);
            System.out.printf("revocation: the truck's leaf link and sync connection closed %.0f ms after the account"
                    + " update%n", (System.nanoTime() - start) / 1e6);
        }
    }

    /** The truck's connections to the hub, as its monitoring counts them: the leaf link and the sync client. */
    private static int truckConnections() throws Exception {
        JsonNode leafz = monitor("/leafz");
        JsonNode connz = monitor("/connz?limit=1000");
        int sync = 0;
        for (JsonNode connection : connz.get("connections")) {
            sync += connection.path("name").asString("").equals("agent-sync-sec-truck") ? 1 : 0;
        }
        return leafz.get("leafnodes").asInt() + sync;
    }

    private static JsonNode monitor(String path) throws Exception {
        String body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(hub.monitorUrl() + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return JsonMapper.builder().build().readTree(body);
    }

    private static Connection connect(NKey account, String name, MeshJwts.Permissions claim, ErrorSink refused)
            throws Exception {
        NKey user = NKey.createUser(random);
        Path creds = credsFile(account, user, name, claim);
        Options.Builder options = Options.builder().server(hub.url()).authHandler(Nats.credentials(creds.toString()))
                .inboxPrefix("_INBOX." + name);
        if (refused != null) {
            options.errorListener(new ErrorListener() {
                @Override
                public void errorOccurred(Connection conn, String error) {
                    refused.add(error);
                }
            });
        }
        return Nats.connect(options.build());
    }

    private static Path credsFile(NKey account, NKey user, String name, MeshJwts.Permissions claim) throws Exception {
        Path creds = Files.createTempFile(dir, name, ".creds");
        Files.writeString(creds, MeshJwts.creds(MeshJwts.user(account, key(user), name, claim), user));
        return creds;
    }

    private static byte[] reading() {
        return "{\"ts\": 1, \"temp\": -18}".getBytes(StandardCharsets.UTF_8);
    }

    private static String key(NKey key) {
        return MeshJwts.publicKey(key);
    }

    interface ErrorSink {
        void add(String error);
    }
}
