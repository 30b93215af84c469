package io.fleetmesh.simulator;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic telemetry for simulated trucks, over native NATS or MQTT 3.1.1. Usage:
 * {@code java -jar vehicle-simulator-all.jar <device>=<nats://...|tcp://...> ... [--period 1s]};
 * {@code tcp://} means MQTT. Each device's readings go to the URL given for it (its own leaf, or the hub).
 */
public final class Simulator implements AutoCloseable {

    /**
     * Where the agent's {@code set-setpoint} command asks the truck's reefer controller (the agent's
     * BuiltInHandlers.SETPOINT_SUBJECT): a subject local to the truck, which the simulated controller answers.
     */
    static final String SETPOINT_SUBJECT = "agent.actuator.reefer.setpoint";
    private static final Logger log = Logger.getLogger(Simulator.class.getName());
    private final List<Thread> vehicles = new ArrayList<>();
    private volatile boolean running = true;

    /** Starts one publishing thread per vehicle. */
    public static Simulator start(List<String> targets, Duration period) {
        Simulator simulator = new Simulator();
        for (int i = 0; i < targets.size(); i++) {
            String[] target = targets.get(i).split("=", 2);
            long seed = i;
            Thread vehicle = new Thread(() -> simulator.drive(target[0], URI.create(target[1]), seed, period),
                    "simulated-" + target[0]);
            vehicle.setDaemon(true);
            vehicle.start();
            simulator.vehicles.add(vehicle);
        }
        return simulator;
    }

    /** The RFID cards of the drivers of the {@code vehicle}-th truck started (from 0): they badge in and out in shifts. */
    public static List<String> drivers(int vehicle) {
        return VehicleModel.drivers(vehicle);
    }

    public static void main(String[] args) throws InterruptedException {
        JsonLogFormatter.install(System.getenv().getOrDefault("FLEETMESH_AGENT_LOG_FORMAT", "json"));
        SimulatorArguments arguments = SimulatorArguments.parse(args);
        start(arguments.targets(), arguments.period());
        Thread.currentThread().join();
    }

    private void drive(String device, URI url, long seed, Duration period) {
        VehicleModel truck = new VehicleModel(seed, Instant.now());
        JsonMapper json = JsonMapper.builder().build();
        try (Sink sink = url.getScheme().equals("tcp") ? new MqttSink(url) : new NatsSink(url, truck)) {
            while (running) {
                for (VehicleModel.Reading reading : truck.next(Instant.now())) {
                    sink.publish(Subjects.telemetry(device, reading.channel()), json.writeValueAsBytes(reading.metrics()));
                }
                Thread.sleep(period.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warning("simulated truck " + device + " stopped: " + e);
        }
    }

    @Override
    public void close() {
        running = false;
        vehicles.forEach(Thread::interrupt);
    }

    /** Where a simulated truck's readings go. */
    private interface Sink extends AutoCloseable {
        void publish(String subject, byte[] payload) throws Exception;
    }

    private static final class NatsSink implements Sink {

        private final Connection connection;

        /** On the truck's own leaf it is also the reefer controller that answers the agent's set-setpoint. */
        NatsSink(URI url, VehicleModel truck) throws Exception {
            connection = Nats.connectReconnectOnConnect(Options.builder().server(url.toString()).maxReconnects(-1).build());
            JsonMapper json = JsonMapper.builder().build();
            connection.createDispatcher(request -> {
                double setpoint = json.readTree(request.getData()).path("setpoint").asDouble();
                truck.setpoint(setpoint);
                connection.publish(request.getReplyTo(), json.writeValueAsBytes(java.util.Map.of("setpoint", setpoint)));
            }).subscribe(SETPOINT_SUBJECT);
        }

        @Override
        public void publish(String subject, byte[] payload) {
            connection.publish(subject, payload);
        }

        @Override
        public void close() throws InterruptedException {
            connection.close();
        }
    }

    /** MQTT 3.1.1 at QoS 1; the NATS server maps the topic's / to the subject's dots. */
    private static final class MqttSink implements Sink {

        private final Mqtt3BlockingClient client;

        MqttSink(URI url) {
            client = MqttClient.builder().useMqttVersion3().serverHost(url.getHost()).serverPort(url.getPort())
                    .automaticReconnectWithDefaultConfig().buildBlocking();
            client.connect();
        }

        @Override
        public void publish(String subject, byte[] payload) {
            client.publishWith().topic(subject.replace('.', '/')).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
        }

        @Override
        public void close() {
            client.disconnect();
        }
    }
}
