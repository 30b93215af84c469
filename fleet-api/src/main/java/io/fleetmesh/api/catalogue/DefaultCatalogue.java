package io.fleetmesh.api.catalogue;

import java.util.List;
import java.util.Map;

/**
 * The built-in entries: what the simulated reefer truck sends (gps, reefer, engine), then, on any channel, what
 * common trackers (Traccar's attribute names, most OBD dongles) send. A tenant overrides any of them, or adds its own.
 */
final class DefaultCatalogue {

    private static final Map<String, String> ON_OFF = Map.of("true", "on", "false", "off", "1", "on", "0", "off");

    static final List<MetricEntry> ENTRIES = List.of(
            entry("gps", "speed", "Speed", "km/h", 0, "speed"),
            entry("gps", "heading", "Heading", "°", 0, null),
            entry("gps", "lat", "Latitude", "°", 5, null),
            entry("gps", "lon", "Longitude", "°", 5, null),
            entry("reefer", "temp", "Box temperature", "°C", 1, "temperature"),
            entry("reefer", "setpoint", "Setpoint", "°C", 1, "temperature"),
            entry("reefer", "compressorTemp", "Compressor temperature", "°C", 1, "compressor"),
            states("reefer", "door", "Door", Map.of("closed", "closed", "open", "open")),
            entry("engine", "rpm", "Engine speed", "rpm", 0, "rpm"),
            entry("engine", "coolant", "Coolant temperature", "°C", 1, "coolant"),
            entry("engine", "fuel", "Fuel level", "%", 0, "fuel"),
            any("speed", "Speed", "km/h", 0, "speed"),
            any("course", "Heading", "°", 0, null),
            any("heading", "Heading", "°", 0, null),
            any("altitude", "Altitude", "m", 0, "altitude"),
            any("sat", "Satellites", null, 0, null),
            any("satellites", "Satellites", null, 0, null),
            any("hdop", "HDOP", null, 1, null),
            any("accuracy", "Position accuracy", "m", 0, null),
            any("rssi", "Signal strength", "dBm", 0, null),
            any("battery", "Battery voltage", "V", 2, "power"),
            any("batteryLevel", "Battery level", "%", 0, "battery"),
            any("power", "External power", "V", 2, "power"),
            any("voltage", "Voltage", "V", 2, "power"),
            any("odometer", "Odometer", "km", 1, null),
            any("hours", "Engine hours", "h", 1, null),
            any("engineHours", "Engine hours", "h", 1, null),
            anyStates("ignition", "Ignition", ON_OFF),
            anyStates("motion", "Motion", Map.of("true", "moving", "false", "stopped", "1", "moving", "0", "stopped")),
            anyStates("door", "Door", Map.of("closed", "closed", "open", "open", "true", "open", "false", "closed")),
            any("rpm", "Engine speed", "rpm", 0, "rpm"),
            any("coolantTemp", "Coolant temperature", "°C", 1, "coolant"),
            any("fuel", "Fuel level", "%", 0, "fuel"),
            any("fuelUsed", "Fuel used", "l", 1, null),
            any("fuelConsumption", "Fuel consumption", "l/h", 1, "consumption"),
            any("temp", "Temperature", "°C", 1, "temperature"),
            any("temperature", "Temperature", "°C", 1, "temperature"),
            any("humidity", "Humidity", "%", 0, "humidity"),
            any("pressure", "Pressure", "kPa", 0, "pressure"),
            any("weight", "Load weight", "kg", 0, "weight"));

    private DefaultCatalogue() {
    }

    private static MetricEntry entry(String channel, String metric, String label, String unit, Integer precision,
                                     String chart) {
        return new MetricEntry(channel, metric, label, unit, precision, chart, null, MetricEntry.Source.DEFAULT);
    }

    private static MetricEntry states(String channel, String metric, String label, Map<String, String> states) {
        return new MetricEntry(channel, metric, label, null, null, null, states, MetricEntry.Source.DEFAULT);
    }

    private static MetricEntry any(String metric, String label, String unit, Integer precision, String chart) {
        return entry(MetricEntry.ANY_CHANNEL, metric, label, unit, precision, chart);
    }

    private static MetricEntry anyStates(String metric, String label, Map<String, String> states) {
        return states(MetricEntry.ANY_CHANNEL, metric, label, states);
    }
}
