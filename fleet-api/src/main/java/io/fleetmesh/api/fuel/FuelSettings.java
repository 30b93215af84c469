package io.fleetmesh.api.fuel;

import io.fleetmesh.api.refusals.InvalidInput;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a device's fuel level is read and how big its tank is: {@code channel} and {@code metric} name the reading
 * (the catalogue's {@code engine}/{@code fuel} by default), {@code unit} is {@code percent} of the tank or
 * {@code litres}.
 */
public record FuelSettings(Double tankLitres, String channel, String metric, String unit) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** These settings with defaults filled in, or a refusal naming what is wrong. */
    FuelSettings checked() {
        if (tankLitres == null || !(tankLitres > 0 && tankLitres <= 10_000)) {
            throw invalid("tankLitres", "The tank holds more than 0 and at most 10,000 litres.");
        }
        String checkedChannel = name("channel", channel == null ? "engine" : channel);
        String checkedMetric = name("metric", metric == null ? "fuel" : metric);
        String checkedUnit = unit == null ? "percent" : unit;
        if (!checkedUnit.equals("percent") && !checkedUnit.equals("litres")) {
            throw invalid("unit", "The unit is percent (of the tank) or litres.");
        }
        return new FuelSettings(tankLitres, checkedChannel, checkedMetric, checkedUnit);
    }

    /** A reading's value in litres. */
    double litres(double value) {
        return unit.equals("percent") ? value * tankLitres / 100 : value;
    }

    private static String name(String field, String value) {
        if (!NAME.matcher(value).matches()) {
            throw invalid(field, "A channel or metric name is 1 to 64 letters, digits, - or _.");
        }
        return value;
    }

    private static InvalidInput invalid(String field, String detail) {
        return new InvalidInput("Invalid fuel settings", detail, Map.of("field", field));
    }
}
