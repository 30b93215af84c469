package io.fleetmesh.edge.leaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetmesh.edge.config.AgentConfig;
import io.fleetmesh.edge.config.MqttSensor;
import io.fleetmesh.protocol.MappingsOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class LeafServerConfigTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void mqttSensorsBecomeMqttOnlyUsersLimitedToTheirChannels(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, "device-id=van-3\nsensor.door-sensor=door-sensor-secret door, cargo-door\n");
        AgentConfig config = AgentConfig.load(file, Map.of());
        assertThat(config.sensors()).containsExactly(
                new MqttSensor("door-sensor", "door-sensor-secret", java.util.List.of("door", "cargo-door")));
        assertThat(LeafServerConfig.render(config, DiskBudget.of(1L << 40, 0, config.outboxMaxBytes()), "")).contains("no_auth_user: \"local\"",
                "{ user: \"door-sensor\", password: \"door-sensor-secret\", allowed_connection_types: [\"MQTT\"]",
                "publish: [\"fleet.van-3.telemetry.door\", \"fleet.van-3.telemetry.cargo-door\"]");
        Files.writeString(file, "device-id=van-3\nsensor.door-sensor=short door\n");
        assertThatThrownBy(() -> AgentConfig.load(file, Map.of())).hasMessageContaining("12 characters");
    }

    @Test
    void writesALeafConfigWithItsOwnDomainAndARestrictedLink(@TempDir Path dir) throws Exception {
        AgentConfig config = AgentConfig.load(dir.resolve("none"), Map.of("FLEETMESH_AGENT_DEVICE_ID", "van-3",
                "FLEETMESH_AGENT_DATA_DIR", dir.toString(), "FLEETMESH_AGENT_CREDENTIALS", "/etc/fleetmesh/van-3.creds"));
        String leaf = LeafServerConfig.render(config, DiskBudget.of(1L << 40, 0, config.outboxMaxBytes()), "");
        assertThat(leaf).contains("server_name: \"van-3-leaf\"", "domain: \"van-3\"",
                "credentials: \"/etc/fleetmesh/van-3.creds\"", "\"nats-leaf://127.0.0.1:7422\"",
                "deny_exports: [\"fleet.*.telemetry.>\", \"fleet.*.events.>\", \"fleet.*.driver.>\", \"$MQTT.>\", \"$JS.ACK.>\","
                        + " \"$KV.>\", \"agent.>\"]");
    }

    @Test
    void theTenantsMappingsGoIntoTheLeafsConfigKeptAcrossRestartsAndNoSubjectBreaksOutOfItsQuotes(@TempDir Path dir)
            throws Exception {
        LeafMappings mappings = LeafMappings.in(dir);
        assertThat(mappings.version()).isZero();
        mappings.applied(MappingsOrder.parse(json.readTree("""
                {"version": 3, "mappings": {"trucks.*.temp": [{"subject": "fleet.$1.telemetry.reefer"}],
                 "fleet.*.telemetry.door": [{"subject": "fleet.$1.telemetry.door-canary", "weight": 10}]}}""")));
        AgentConfig config = AgentConfig.load(dir.resolve("none"), Map.of("FLEETMESH_AGENT_DEVICE_ID", "van-3",
                "FLEETMESH_AGENT_DATA_DIR", dir.toString()));
        LeafMappings restarted = LeafMappings.in(dir);
        assertThat(restarted.version()).isEqualTo(3);
        assertThat(LeafServerConfig.render(config, DiskBudget.of(1L << 40, 0, config.outboxMaxBytes()),
                restarted.render()))
                .contains("mappings {\n", "  \"trucks.*.temp\": \"fleet.$1.telemetry.reefer\"\n",
                        "  \"fleet.*.telemetry.door\": [{ destination: \"fleet.$1.telemetry.door-canary\", weight: \"10%\" }]");
        assertThatThrownBy(() -> MappingsOrder.parse(json.readTree("""
                {"version": 4, "mappings": {"a.b\\"\\nlisten: 0": [{"subject": "c"}]}}""")))
                .hasMessageContaining("not a subject a mapping may use");
        assertThatThrownBy(() -> MappingsOrder.parse(json.readTree("""
                {"version": 4, "mappings": {"a.*": [{"subject": "b.$1", "weight": 0}]}}""")))
                .hasMessageContaining("weight");
    }
}
