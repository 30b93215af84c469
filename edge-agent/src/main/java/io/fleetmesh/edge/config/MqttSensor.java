package io.fleetmesh.edge.config;

import io.fleetmesh.protocol.Subjects;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A legacy sensor allowed on the leaf's MQTT listener: {@code sensor.<name>=<password> <channel>[,<channel>...]}.
 * It may publish only {@code fleet/<device>/telemetry/<channel>} for its channels. Once one is configured, the
 * listener takes no anonymous MQTT client.
 */
public record MqttSensor(String name, String password, List<String> channels) {

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9-]{1,64}");
    private static final String PREFIX = "sensor.";

    public MqttSensor {
        if (!TOKEN.matcher(name).matches() || channels.isEmpty()
                || !channels.stream().allMatch(channel -> TOKEN.matcher(channel).matches())) {
            throw new IllegalArgumentException("sensor." + name + " needs a name and channels of a-z, 0-9 and -");
        }
        if (password.length() < 12 || password.contains("\"") || password.contains("\\")) {
            throw new IllegalArgumentException("sensor." + name + ": the password needs 12 characters, no quotes");
        }
    }

    static List<MqttSensor> from(Properties properties) {
        return properties.stringPropertyNames().stream().filter(key -> key.startsWith(PREFIX)).sorted()
                .map(key -> parse(key.substring(PREFIX.length()), properties.getProperty(key).trim())).toList();
    }

    private static MqttSensor parse(String name, String value) {
        String[] parts = value.split("\\s+", 2);
        if (parts.length < 2) {
            throw new IllegalArgumentException("sensor." + name + " must be '<password> <channel>[,<channel>...]'");
        }
        return new MqttSensor(name, parts[0], Arrays.stream(parts[1].split(",")).map(String::trim).toList());
    }

    /** The NATS subjects its MQTT topics map to. */
    public List<String> subjects(String deviceId) {
        return channels.stream().map(channel -> Subjects.telemetry(deviceId, channel)).toList();
    }
}
