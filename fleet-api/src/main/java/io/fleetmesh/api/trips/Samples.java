package io.fleetmesh.api.trips;

import io.fleetmesh.api.drivers.DriverBadge;
import io.fleetmesh.api.telemetry.ReadingsStored;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channels trips read and what each metric means there: {@code gps} with {@code lat}, {@code lon} (degrees),
 * {@code speed} (km/h) and {@code accuracy} (m); {@code engine} with {@code ignition} (true/false or "on"/"off"),
 * else {@code rpm} (running above 0), {@code odometer} (km) and {@code hours} (engine hours), each when sent;
 * {@code driver} with {@code id}: a driver badged in, or out ({@link DriverBadge}).
 */
final class Samples {

    static final List<String> CHANNELS = List.of(DriverBadge.CHANNEL, "engine", "gps");
    private static final JsonMapper json = JsonMapper.builder().build();

    private Samples() {
    }

    /** The reading as a sample, or empty when it has nothing trips can use (a fix without a position). */
    static Optional<Sample> of(ReadingsStored.Stored reading) {
        JsonNode metrics = json.readTree(reading.metricsJson());
        if (reading.channel().equals(DriverBadge.CHANNEL)) {
            return Optional.of(new Sample.Badge(reading.ts(), DriverBadge.identifier(metrics)));
        }
        if (reading.channel().equals("gps")) {
            Double lat = number(metrics, "lat");
            Double lon = number(metrics, "lon");
            return lat == null || lon == null ? Optional.empty() : Optional.of(new Sample.Fix(reading.ts(), lat, lon,
                    number(metrics, "speed"), number(metrics, "accuracy")));
        }
        return Optional.of(new Sample.Engine(reading.ts(), running(metrics), number(metrics, "odometer"),
                number(metrics, "hours")));
    }

    private static Boolean running(JsonNode metrics) {
        JsonNode ignition = metrics.get("ignition");
        if (ignition != null && ignition.isBoolean()) {
            return ignition.booleanValue();
        }
        if (ignition != null && ignition.isString() && List.of("on", "off").contains(ignition.stringValue())) {
            return ignition.stringValue().equals("on");
        }
        Double rpm = number(metrics, "rpm");
        return rpm == null ? null : rpm > 0;
    }

    private static Double number(JsonNode metrics, String name) {
        JsonNode value = metrics.get(name);
        return value != null && value.isNumber() && Double.isFinite(value.doubleValue()) ? value.doubleValue() : null;
    }
}
