package io.fleetmesh.edge.leaf;

import io.fleetmesh.edge.config.AgentConfig;
import io.fleetmesh.protocol.Subjects;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The leaf nats-server's configuration. Its JetStream domain is the device id, so the truck's streams never mix
 * with the hub's. What crosses the leaf link is restricted: buffered subjects go up only through the sync (or
 * the hub would store a connected truck's readings twice), the driver display stays on the truck, and 2.9's
 * MQTT internals stay local in both directions. So do JetStream acknowledgements: every truck's outbox and sync
 * consumer have the same names, and without the deny one truck's acks reached every other truck through the hub
 * (N² messages, and acks of messages never sent). Nothing crosses the link that needs them: the sync has its
 * own hub connection, and cross-domain sources and mirrors use unacknowledged consumers. The agent's own local
 * subjects (the command inbox, the reefer controller) and its EXECUTED bucket never leave the truck either. The
 * tenant's subject mappings apply on the leaf too (ADR 0014), so a legacy topic is buffered as the platform's.
 */
final class LeafServerConfig {

    private static final List<String> DENY_EXPORTS =
            List.of(Subjects.ALL_TELEMETRY, Subjects.ALL_EVENTS, Subjects.ALL_DRIVER, "$MQTT.>", "$JS.ACK.>", "$KV.>", "agent.>");
    private static final List<String> DENY_IMPORTS =
            List.of(Subjects.ALL_TELEMETRY, Subjects.ALL_EVENTS, "$MQTT.>", "$JS.ACK.>", "$KV.>", "agent.>");

    private LeafServerConfig() {
    }

    static String render(AgentConfig config, DiskBudget disk, String mappings) {
        return sensorUsers(config) + mappings + """
                server_name: "%s-leaf"
                listen: "127.0.0.1:%d"
                jetstream {
                  store_dir: "%s"
                  max_file_store: %d
                  domain: "%s"
                }
                mqtt {
                  listen: "127.0.0.1:%d"
                }
                leafnodes {
                  reconnect: 1
                  remotes: [
                    {
                      urls: [%s]
                %s      deny_exports: [%s]
                      deny_imports: [%s]
                    }
                  ]
                }
                """.formatted(config.deviceId(), config.natsPort(), config.dataDir().resolve("jetstream"),
                disk.storeBytes(), config.deviceId(), config.mqttPort(), quoted(config.hubLeafUrls()), credentials(config),
                quoted(DENY_EXPORTS), quoted(DENY_IMPORTS));
    }

    /**
     * With sensors configured: each is an MQTT-only user that may publish its own channels; everything else on the
     * gateway (the agent, local apps over NATS) connects without credentials as the STANDARD-only user {@code local},
     * so an anonymous MQTT client is refused. The random password of {@code local} is never used.
     */
    private static String sensorUsers(AgentConfig config) {
        if (config.sensors().isEmpty()) {
            return "";
        }
        String sensors = config.sensors().stream().map(sensor -> """
                    { user: "%s", password: "%s", allowed_connection_types: ["MQTT"],
                      permissions: { publish: [%s], subscribe: [] } }
                """.formatted(sensor.name(), sensor.password(), quoted(sensor.subjects(config.deviceId()))))
                .collect(Collectors.joining());
        return """
                no_auth_user: "local"
                authorization {
                  users: [
                    { user: "local", password: "%s", allowed_connection_types: ["STANDARD"] }
                %s  ]
                }
                """.formatted(java.util.UUID.randomUUID(), sensors);
    }

    private static String credentials(AgentConfig config) {
        return config.credentials() == null ? "" : "      credentials: \"" + config.credentials() + "\"\n";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }
}
