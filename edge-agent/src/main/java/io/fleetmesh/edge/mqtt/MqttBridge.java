package io.fleetmesh.edge.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import java.net.URI;
import java.util.logging.Logger;

/**
 * Optional: readings from a third-party MQTT broker already on the gateway (sensors that cannot be pointed at
 * the leaf) are injected into the mesh. It subscribes at QoS 1 to {@code fleet/<dev>/telemetry/#} and stores each
 * reading in the outbox before acknowledging it to the broker, so the broker redelivers whatever the agent did
 * not store.
 */
public final class MqttBridge implements AutoCloseable {

    private static final Logger log = Logger.getLogger(MqttBridge.class.getName());
    private final Mqtt3AsyncClient client;
    private final JetStream leaf;
    private final String topicFilter;

    public MqttBridge(URI broker, String deviceId, Connection local) throws Exception {
        this.leaf = local.jetStream();
        this.topicFilter = "fleet/" + deviceId + "/telemetry/#";
        this.client = MqttClient.builder().useMqttVersion3().identifier("fleetmesh-bridge-" + deviceId)
                .serverHost(broker.getHost()).serverPort(broker.getPort())
                .automaticReconnectWithDefaultConfig().buildAsync();
    }

    public void start() {
        // A persistent session: readings the broker queued while the agent was down arrive when it returns.
        client.connectWith().cleanSession(false).send().join();
        client.subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE)
                .callback(this::inject).manualAcknowledgement(true).send().join();
        log.info("bridging " + topicFilter + " from the gateway's MQTT broker");
    }

    private void inject(Mqtt3Publish reading) {
        try {
            leaf.publish(reading.getTopic().toString().replace('/', '.'), reading.getPayloadAsBytes());
            reading.acknowledge();
        } catch (Exception e) {
            log.warning("reading on " + reading.getTopic() + " not stored, the broker will redeliver it: " + e);
        }
    }

    @Override
    public void close() {
        // The broker may be gone already; there is nothing left to release then.
        client.disconnect().exceptionally(notConnected -> null).join();
    }
}
