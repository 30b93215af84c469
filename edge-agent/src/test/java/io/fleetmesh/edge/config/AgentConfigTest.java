package io.fleetmesh.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

    @Test
    void readsTheFileAndLetsTheEnvironmentOverrideIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, """
                device-id=truck-7
                hub.urls=nats://hub-1:4222, nats://hub-2:4222
                outbox.max-bytes=512MiB
                outbox.max-age=3d
                """);
        AgentConfig config = AgentConfig.load(file, Map.of("FLEETMESH_AGENT_NATS_PORT", "4300",
                "FLEETMESH_AGENT_OUTBOX_MAX_AGE", "12h"));
        assertThat(config.deviceId()).isEqualTo("truck-7");
        assertThat(config.hubUrls()).containsExactly("nats://hub-1:4222", "nats://hub-2:4222");
        assertThat(config.natsPort()).isEqualTo(4300);
        assertThat(config.outboxMaxBytes()).isEqualTo(512L << 20);
        assertThat(config.outboxMaxAge()).isEqualTo(Duration.ofHours(12));
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.credentials()).isNull();
    }

    @Test
    void refusesADeviceIdThatIsNotASubjectToken(@TempDir Path dir) {
        assertThatThrownBy(() -> AgentConfig.load(dir.resolve("none"), Map.of("FLEETMESH_AGENT_DEVICE_ID", "Truck.7")))
                .hasMessageContaining("device-id");
    }

    @Test
    void forwardsUnlessToldToOnlyBuffer(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("none");
        assertThat(AgentConfig.load(none, Map.of("FLEETMESH_AGENT_DEVICE_ID", "van-3")).forward()).isTrue();
        assertThat(AgentConfig.load(none, Map.of("FLEETMESH_AGENT_DEVICE_ID", "van-3", "FLEETMESH_AGENT_SYNC", "none"))
                .forward()).isFalse();
        assertThatThrownBy(() -> AgentConfig.load(none, Map.of("FLEETMESH_AGENT_DEVICE_ID", "van-3",
                "FLEETMESH_AGENT_SYNC", "sourcing"))).hasMessageContaining("sync must be forwarder or none");
    }

    @Test
    void parsesDurationsAndSizes() {
        assertThat(Units.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Units.duration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Units.bytes("1GiB")).isEqualTo(1L << 30);
        assertThatThrownBy(() -> Units.duration("5 fortnights")).isInstanceOf(IllegalArgumentException.class);
    }
}
