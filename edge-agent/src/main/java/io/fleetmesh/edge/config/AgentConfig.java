package io.fleetmesh.edge.config;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The agent's settings: one properties file ({@code agent.properties}), each key overridable by an environment
 * variable {@code FLEETMESH_AGENT_<KEY>} ({@code hub.urls} is {@code FLEETMESH_AGENT_HUB_URLS}).
 *
 * @param deviceId          this truck's id, one subject token ({@code device-id}, required)
 * @param hubUrls           hub client URLs the sync connects to ({@code hub.urls})
 * @param hubLeafUrls       hub leafnode URLs the leaf server connects to ({@code hub.leaf-urls})
 * @param credentials       a {@code .creds} file for both hub connections, or null ({@code credentials})
 * @param dataDir           the leaf's JetStream store and its generated config ({@code data-dir})
 * @param natsServer        the nats-server binary ({@code nats-server})
 * @param natsPort          the leaf's client port on loopback ({@code nats-port})
 * @param mqttPort          the leaf's MQTT 3.1.1 port for sensors ({@code mqtt-port})
 * @param outboxMaxAge      buffered data older than this is discarded, and counted ({@code outbox.max-age})
 * @param outboxMaxBytes    the buffer's size limit; the oldest data goes first, and is counted ({@code outbox.max-bytes})
 * @param heartbeatInterval how often the status heartbeat goes out ({@code heartbeat.interval})
 * @param bridgeBroker      a third-party MQTT broker on the gateway to bridge readings from, or null
 *                          ({@code bridge.url}, e.g. {@code tcp://127.0.0.1:1884})
 * @param leafMemoryLimit   the leaf server's Go memory limit ({@code GOMEMLIMIT}), 0 for none
 *                          ({@code leaf.memory-limit}, default 32MiB: a soft limit that keeps the gateway's RSS
 *                          flat; 16MiB saved more but doubled the local alert p99)
 * @param sensors           MQTT sensors allowed on the leaf, each to its own channels ({@code sensor.<name>}); none:
 *                          the leaf's MQTT listener is open to any client on the gateway
 * @param forward           whether the agent syncs the outbox to the hub ({@code sync=forwarder}, the default) or
 *                          only buffers it for something else to sync ({@code sync=none}, e.g. the hub sourcing it,
 *                          as {@code bin/bench sync --mode sourcing} does; no status heartbeat then)
 * @param http              where the agent serves {@code /health} and {@code /metrics} ({@code http.port}, 0 or unset:
 *                          not at all; {@code http.address}, default 127.0.0.1, 0.0.0.0 in a container), or null
 * @param ota               how packages are installed ({@code ota.*}, {@link OtaSettings})
 */
public record AgentConfig(String deviceId, List<String> hubUrls, List<String> hubLeafUrls, Path credentials,
                          Path dataDir, String natsServer, int natsPort, int mqttPort, Duration outboxMaxAge,
                          long outboxMaxBytes, Duration heartbeatInterval, URI bridgeBroker,
                          long leafMemoryLimit, List<MqttSensor> sensors, boolean forward, InetSocketAddress http,
                          OtaSettings ota) {

    private static final Pattern DEVICE_ID = Pattern.compile("[a-z0-9-]{1,64}");

    public AgentConfig {
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("device-id must be 1-64 characters of a-z, 0-9 and -, was " + deviceId);
        }
        if (hubUrls.isEmpty() || hubLeafUrls.isEmpty()) {
            throw new IllegalArgumentException("hub.urls and hub.leaf-urls are required");
        }
    }

    /** Reads the file (if it exists) and applies the environment's overrides. */
    public static AgentConfig load(Path file, Map<String, String> environment) throws IOException {
        Properties properties = new Properties();
        if (file != null && Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        return from(new Settings(properties, environment));
    }

    static AgentConfig from(Settings settings) {
        Path dataDir = settings.path("data-dir", "/var/lib/fleetmesh-agent");
        return new AgentConfig(
                settings.get("device-id", null),
                settings.list("hub.urls", "nats://127.0.0.1:4222"),
                settings.list("hub.leaf-urls", "nats-leaf://127.0.0.1:7422"),
                settings.path("credentials", null),
                dataDir,
                settings.get("nats-server", "/usr/sbin/nats-server"),
                Integer.parseInt(settings.get("nats-port", "4222")),
                Integer.parseInt(settings.get("mqtt-port", "1883")),
                Units.duration(settings.get("outbox.max-age", "7d")),
                Units.bytes(settings.get("outbox.max-bytes", "1GiB")),
                Units.duration(settings.get("heartbeat.interval", "5s")),
                settings.uri("bridge.url"),
                Units.bytes(settings.get("leaf.memory-limit", "32MiB")),
                MqttSensor.from(settings.file()),
                forwards(settings.get("sync", "forwarder")),
                http(settings.get("http.address", "127.0.0.1"), Integer.parseInt(settings.get("http.port", "0"))),
                OtaSettings.from(settings, dataDir));
    }

    private static InetSocketAddress http(String address, int port) {
        return port == 0 ? null : new InetSocketAddress(address, port);
    }

    private static boolean forwards(String sync) {
        if (!sync.equals("forwarder") && !sync.equals("none")) {
            throw new IllegalArgumentException("sync must be forwarder or none, was " + sync);
        }
        return sync.equals("forwarder");
    }

    public String localUrl() {
        return "nats://127.0.0.1:" + natsPort;
    }

    /** File values, overridden by FLEETMESH_AGENT_* variables. */
    record Settings(Properties file, Map<String, String> environment) {

        String get(String key, String fallback) {
            String variable = "FLEETMESH_AGENT_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            String value = environment.getOrDefault(variable, file.getProperty(key, fallback));
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        List<String> list(String key, String fallback) {
            return Arrays.stream(get(key, fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        URI uri(String key) {
            String value = get(key, null);
            return value == null ? null : URI.create(value);
        }

        Path path(String key, String fallback) {
            String value = get(key, fallback);
            return value == null ? null : Path.of(value);
        }
    }
}
