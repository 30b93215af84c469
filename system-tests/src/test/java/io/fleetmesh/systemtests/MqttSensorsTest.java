package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.fleetmesh.devkit.Mosquitto;
import io.fleetmesh.edge.EdgeAgent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Legacy sensors speak MQTT 3.1.1 to the truck's leaf; their readings take the same path to PostgreSQL. */
class MqttSensorsTest extends SystemTest {

    @Test
    void aSensorWithCredentialsPublishesOnlyItsOwnChannelsAndAnonymousClientsAreRefused() throws Exception {
        String device = "guarded-truck";
        Properties settings = new Properties();
        settings.setProperty("sensor.door-sensor", "door-sensor-secret door");
        EdgeAgent agent = platform.truck(device, settings);
        assertThatThrownBy(() -> client(agent, "anonymous").connect()).isNotNull();

        Mqtt3BlockingClient door = client(agent, "door-sensor");
        door.connectWith().simpleAuth().username("door-sensor").password("door-sensor-secret".getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        try {
            door.publishWith().topic("fleet/%s/telemetry/reefer".formatted(device)).qos(MqttQos.AT_MOST_ONCE)
                    .payload("{\"ts\": \"%s\", \"temp\": 40}".formatted(Instant.now()).getBytes(StandardCharsets.UTF_8)).send();
            door.publishWith().topic("fleet/%s/telemetry/door".formatted(device)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"ts\": \"%s\", \"open\": 1}".formatted(Instant.now()).getBytes(StandardCharsets.UTF_8)).send();
        } finally {
            door.disconnect();
        }
        await().atMost(Platform.patience()).until(() -> platform.rows(device) >= 1);
        assertThat(platform.jdbc.queryForList("SELECT DISTINCT channel FROM telemetry WHERE device_id = ?", String.class,
                device)).containsExactly("door");
    }

    private static Mqtt3BlockingClient client(EdgeAgent agent, String id) {
        return MqttClient.builder().useMqttVersion3().identifier(id).serverHost("127.0.0.1").serverPort(agent.mqttPort())
                .buildBlocking();
    }

    @Test
    void qos0AndQos1ReadingsOnTheLeafReachPostgres() throws Exception {
        String device = "mqtt-truck";
        EdgeAgent agent = platform.truck(device, new Properties());
        Mqtt3BlockingClient sensor = client(agent, "reefer-sensor");
        sensor.connect();
        try {
            for (int n = 0; n < 50; n++) {
                sensor.publishWith().topic("fleet/%s/telemetry/reefer".formatted(device))
                        .qos(n % 2 == 0 ? MqttQos.AT_LEAST_ONCE : MqttQos.AT_MOST_ONCE)
                        .payload("{\"ts\": \"%s\", \"n\": %d, \"temp\": -18.0}".formatted(Instant.now(), n)
                                .getBytes(StandardCharsets.UTF_8))
                        .send();
            }
        } finally {
            sensor.disconnect();
        }
        await().atMost(Platform.patience()).until(() -> platform.rows(device) == 50);
        assertThat(platform.jdbc.queryForList("SELECT (metrics->>'n')::int FROM telemetry WHERE device_id = ? ORDER BY seq",
                Integer.class, device)).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
    }

    @Test
    void readingsOnTheGatewaysOwnMosquittoAreBridgedIntoTheMesh() throws Exception {
        String device = "bridged-truck";
        try (Mosquitto broker = Mosquitto.start(Platform.tempDir("mosquitto"))) {
            Properties settings = new Properties();
            settings.setProperty("bridge.url", broker.url());
            platform.truck(device, settings);
            Mqtt3BlockingClient sensor = MqttClient.builder().useMqttVersion3().identifier("legacy-sensor")
                    .serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking();
            sensor.connect();
            try {
                for (int n = 0; n < 20; n++) {
                    sensor.publishWith().topic("fleet/%s/telemetry/reefer".formatted(device)).qos(MqttQos.AT_LEAST_ONCE)
                            .payload("{\"ts\": \"%s\", \"n\": %d, \"temp\": -18.0}".formatted(Instant.now(), n)
                                    .getBytes(StandardCharsets.UTF_8))
                            .send();
                }
            } finally {
                sensor.disconnect();
            }
            await().atMost(Platform.patience()).until(() -> platform.rows(device) == 20);
        }
    }
}
