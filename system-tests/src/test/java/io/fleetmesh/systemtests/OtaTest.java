package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.edge.config.AgentConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 end to end: packages uploaded over REST reach real agents with real leaves through their pull consumers
 * on the hub (ADR 0013); what the trucks report moves the rollouts.
 */
class OtaTest extends SystemTest {

    private static final Random random = new Random(19);

    /**
     * Three trucks, one of them switched off during the canary's wave: the canary's uplink is cut half-way through
     * its download, which resumes (far less than twice the package crosses the link); the truck that was off gets
     * the package once it is back, and the rollout completes with the same file on every truck.
     */
    @Test
    void aRolloutReachesEveryTruckTheOneOffInTheFirstWaveOnceItIsBackAndACutDownloadResumes() throws Exception {
        byte[] bytes = bytes(4 * 1024 * 1024 + 777);
        assertThat(platform.upload("route-maps", "1.0", "kind=file", bytes)).isEqualTo(201);
        List<String> trucks = List.of("ota-canary", "ota-online", "ota-switched-off");
        trucks.forEach(platform::register);
        try (CuttableLink uplink = new CuttableLink(URI.create(platform.hub.url()).getPort(), 1_000_000)) {
            Properties canary = settings("ota-canary");
            canary.setProperty("hub.urls", uplink.url());
            platform.agent("ota-canary", canary);
            platform.agent("ota-online", settings("ota-online"));
            String rollout = start("{\"name\": \"maps\", \"packageName\": \"route-maps\", \"packageVersion\": \"1.0\","
                    + " \"devices\": [\"ota-canary\", \"ota-online\", \"ota-switched-off\"], \"canary\": 1,"
                    + " \"percents\": [100], \"successPercent\": 100}");

            await().atMost(Platform.patience()).until(() -> uplink.bytesDown() > bytes.length / 3);
            uplink.cut();
            awaitTarget(rollout, "ota-canary", "SUCCEEDED");
            assertThat(uplink.bytesDown()).as("bytes down the canary's link, cut once").isLessThan(2L * bytes.length);
            awaitTarget(rollout, "ota-online", "SUCCEEDED");
            assertThat(target(rollout, "ota-switched-off").get("state").stringValue()).isEqualTo("PENDING");

            platform.agent("ota-switched-off", settings("ota-switched-off"));
            await().atMost(Platform.patience()).until(() -> status(rollout).equals("COMPLETED"));
        }
        for (String truck : trucks) {
            assertThat(installed(truck, "route-maps")).as(truck).isEqualTo(bytes);
        }
    }

    /**
     * The trucks hold the tenant's signing key; the package is signed by another. The canary refuses it before
     * install, and its failure passes the abort threshold: the next wave never gets the package.
     */
    @Test
    void aPackageNotSignedByTheTenantFailsTheCanaryInstallsNothingAndTheAbortStopsTheNextWave() throws Exception {
        KeyPair tenant = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair intruder = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = Platform.tempDir("signing").resolve("package-signing.pub");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                tenant.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        byte[] bytes = bytes(300_000);
        assertThat(platform.upload("reefer-settings", "2.0", "kind=file&signature=" + sign(intruder, bytes), bytes))
                .isEqualTo(201);
        List<String> trucks = List.of("signed-1", "signed-2", "signed-3");
        for (String truck : trucks) {
            Properties settings = settings(truck);
            settings.setProperty("ota.signing-key", key.toString());
            platform.register(truck);
            platform.agent(truck, settings);
        }
        String rollout = start("{\"name\": \"settings\", \"packageName\": \"reefer-settings\", \"packageVersion\": \"2.0\","
                + " \"devices\": [\"signed-1\", \"signed-2\", \"signed-3\"], \"canary\": 1, \"percents\": [100],"
                + " \"abortFailures\": 1}");

        await().atMost(Platform.patience()).until(() -> status(rollout).equals("ABORTED"));
        assertThat(target(rollout, "signed-1").get("state").stringValue()).isEqualTo("FAILED");
        assertThat(target(rollout, "signed-1").get("reason").stringValue()).startsWith("bad signature");
        assertThat(target(rollout, "signed-2").get("state").stringValue()).isEqualTo("SKIPPED");
        assertThat(target(rollout, "signed-3").get("state").stringValue()).isEqualTo("SKIPPED");
        for (String truck : trucks) {
            assertThat(Files.exists(dataDir(truck).resolve("files/reefer-settings"))).as(truck).isFalse();
            assertThat(platform.call("GET", "/api/v1/devices/%s/commands".formatted(truck), null).body().get("items"))
                    .hasSize(truck.equals("signed-1") ? 1 : 0);
        }
    }

    /** A chunk that rots on the truck's disk while the agent is down is caught by the digest: FAILED, not installed. */
    @Test
    void aChunkCorruptedOnTheTrucksDiskIsCaughtBeforeInstall() throws Exception {
        byte[] bytes = bytes(2 * 1024 * 1024);
        assertThat(platform.upload("corrupted-map", "1.0", "kind=file", bytes)).isEqualTo(201);
        platform.register("ota-rotting");
        try (CuttableLink slow = new CuttableLink(URI.create(platform.hub.url()).getPort(), 400_000)) {
            Properties settings = settings("ota-rotting");
            settings.setProperty("hub.urls", slow.url());
            EdgeAgent agent = platform.agent("ota-rotting", settings);
            String rollout = start("{\"name\": \"rot\", \"packageName\": \"corrupted-map\", \"packageVersion\": \"1.0\","
                    + " \"devices\": [\"ota-rotting\"], \"canary\": 0, \"percents\": [100]}");
            Path chunks = dataDir("ota-rotting").resolve("ota").resolve(rollout).resolve("chunks");
            await().atMost(Platform.patience()).until(() -> chunkFiles(chunks).size() >= 2);
            agent.close();
            Path first = chunkFiles(chunks).get(0);
            byte[] rotten = Files.readAllBytes(first);
            rotten[100] ^= 0x10;
            Files.write(first, rotten);

            platform.agent("ota-rotting", settings);
            awaitTarget(rollout, "ota-rotting", "FAILED");
            assertThat(target(rollout, "ota-rotting").get("reason").stringValue()).startsWith("digest mismatch");
        }
        assertThat(Files.exists(dataDir("ota-rotting").resolve("files/corrupted-map"))).isFalse();
    }

    /**
     * Firmware waits for its precondition (the truck standing still), then goes to the truck's firmware installer;
     * the agent is killed (-9) while that runs. Started again, it reports the install interrupted and never gives
     * the firmware to the installer a second time.
     */
    @Test
    void firmwareWaitsForTheTruckToStandStillAndAKillDuringInstallNeverInstallsTwice() throws Exception {
        byte[] bytes = bytes(500_000);
        assertThat(platform.upload("reefer-fw", "2.4.1", "kind=firmware", bytes)).isEqualTo(201);
        String truck = "ota-killed";
        platform.register(truck);
        Path configFile = platform.agentConfigFile(truck, settings(truck));
        AgentConfig config = AgentConfig.load(configFile, Map.of());
        Process agent = AgentProcess.start(configFile);
        AtomicInteger installs = new AtomicInteger();
        try (Connection leaf = Nats.connectReconnectOnConnect(Options.builder().server(config.localUrl())
                .maxReconnects(-1).build())) {
            await().atMost(Platform.patience()).until(() -> leaf.getStatus() == Connection.Status.CONNECTED);
            // the flasher takes the firmware and never answers: the agent is killed while it waits
            leaf.createDispatcher(request -> installs.incrementAndGet()).subscribe("agent.actuator.firmware.install");
            leaf.flush(Duration.ofSeconds(5));
            speed(leaf, truck, 62.0);
            String rollout = start("{\"name\": \"fw\", \"packageName\": \"reefer-fw\", \"packageVersion\": \"2.4.1\","
                    + " \"devices\": [\"" + truck + "\"], \"canary\": 0, \"percents\": [100],"
                    + " \"installWhen\": [\"gps.speed <= 0\"]}");
            awaitTarget(rollout, truck, "VERIFIED");
            assertThat(installs.get()).as("installed while driving").isZero();

            speed(leaf, truck, 0.0);
            await().atMost(Platform.patience()).until(() -> installs.get() == 1);
            agent.destroyForcibly().waitFor();
            agent = AgentProcess.start(configFile);

            awaitTarget(rollout, truck, "FAILED");
            assertThat(target(rollout, truck).get("reason").stringValue()).contains("interrupted", "not installed again");
            assertThat(installs.get()).isOne();
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    /**
     * A truck switched off while its rollout was cancelled finds the install command when it is back, but its
     * consumer was withdrawn: the hub's silence ends the download, and the next package is not held up by it.
     */
    @Test
    void aTruckBackAfterItsRolloutWasCancelledGivesUpTheWithdrawnDownloadAndTakesTheNext() throws Exception {
        assertThat(platform.upload("late-map", "1.0", "kind=file", bytes(1000))).isEqualTo(201);
        byte[] next = bytes(2000);
        assertThat(platform.upload("next-map", "1.0", "kind=file", next)).isEqualTo(201);
        platform.register("ota-late");
        String cancelled = start("{\"name\": \"late\", \"packageName\": \"late-map\", \"packageVersion\": \"1.0\","
                + " \"devices\": [\"ota-late\"], \"canary\": 0, \"percents\": [100]}");
        awaitTarget(cancelled, "ota-late", "PENDING");
        assertThat(platform.call("POST", "/api/v1/rollouts/%s/cancel".formatted(cancelled), null).status()).isEqualTo(200);
        assertThat(target(cancelled, "ota-late").get("state").stringValue()).isEqualTo("SKIPPED");

        Properties settings = settings("ota-late");
        settings.setProperty("ota.silence", "3s");
        platform.agent("ota-late", settings);
        Path job = dataDir("ota-late").resolve("ota").resolve(cancelled).resolve("job.json");
        await().atMost(Platform.patience()).until(() -> Files.exists(job) && Files.readString(job).contains("\"DONE\""));
        assertThat(Files.readString(job)).contains("withdrawn");
        String following = start("{\"name\": \"next\", \"packageName\": \"next-map\", \"packageVersion\": \"1.0\","
                + " \"devices\": [\"ota-late\"], \"canary\": 0, \"percents\": [100]}");
        awaitTarget(following, "ota-late", "SUCCEEDED");
        assertThat(installed("ota-late", "next-map")).isEqualTo(next);
        assertThat(Files.exists(dataDir("ota-late").resolve("files/late-map"))).isFalse();
    }

    private static Properties settings(String truck) {
        Properties settings = new Properties();
        settings.setProperty("data-dir", dataDir(truck).toString());
        return settings;
    }

    private static final Map<String, Path> dataDirs = new java.util.concurrent.ConcurrentHashMap<>();

    /** One data directory per truck for the whole class, so a restarted agent finds what it had. */
    private static Path dataDir(String truck) {
        return dataDirs.computeIfAbsent(truck, t -> Platform.tempDir("agent-" + t));
    }

    private static byte[] installed(String truck, String name) throws Exception {
        return Files.readAllBytes(dataDir(truck).resolve("files").resolve(name));
    }

    private static List<Path> chunkFiles(Path chunks) throws Exception {
        if (!Files.isDirectory(chunks)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(chunks)) {
            return files.filter(f -> f.getFileName().toString().matches("[0-9]+"))
                    .sorted((a, b) -> Long.compare(sequence(a), sequence(b))).toList();
        }
    }

    private static long sequence(Path chunk) {
        return Long.parseLong(chunk.getFileName().toString());
    }

    private static String start(String body) throws Exception {
        Platform.Answer answer = platform.call("POST", "/api/v1/rollouts", body);
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
        return answer.body().get("id").stringValue();
    }

    private static String status(String rollout) throws Exception {
        return platform.call("GET", "/api/v1/rollouts/" + rollout, null).body().get("status").stringValue();
    }

    private static JsonNode target(String rollout, String truck) throws Exception {
        for (JsonNode target : platform.call("GET", "/api/v1/rollouts/%s/targets".formatted(rollout), null).body()) {
            if (target.get("deviceId").stringValue().equals(truck)) {
                return target;
            }
        }
        throw new AssertionError(truck + " is not a target of " + rollout);
    }

    private static void awaitTarget(String rollout, String truck, String state) {
        await().atMost(Platform.patience()).until(() -> target(rollout, truck).get("state").stringValue().equals(state));
    }

    private static void speed(Connection leaf, String truck, double speed) throws Exception {
        leaf.jetStream().publish("fleet." + truck + ".telemetry.gps", ("{\"ts\": \"" + Instant.now() + "\", \"speed\": "
                + speed + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The signature the upload carries: Ed25519 of the package's raw SHA-256. */
    private static String sign(KeyPair key, byte[] bytes) throws Exception {
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(key.getPrivate());
        ed25519.update(MessageDigest.getInstance("SHA-256").digest(bytes));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ed25519.sign());
    }
}
