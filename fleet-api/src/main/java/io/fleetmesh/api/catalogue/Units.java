package io.fleetmesh.api.catalogue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The units a catalogue entry may name: a closed set, so that every page and client can rely on the symbol (and a
 * typo such as "degC" is refused rather than shown). Documented in docs/dashboard.md; add here, and there, to extend.
 */
final class Units {

    /** Symbol to what it measures, in the order the catalogue lists them. */
    static final Map<String, String> ALL = all();

    private Units() {
    }

    static boolean isKnown(String symbol) {
        return ALL.containsKey(symbol);
    }

    private static Map<String, String> all() {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("°C", "degree Celsius");
        units.put("°F", "degree Fahrenheit");
        units.put("K", "kelvin");
        units.put("km/h", "kilometre per hour");
        units.put("mph", "mile per hour");
        units.put("kn", "knot");
        units.put("m/s", "metre per second");
        units.put("m/s²", "metre per second squared");
        units.put("rpm", "revolution per minute");
        units.put("%", "percent");
        units.put("ppm", "part per million");
        units.put("V", "volt");
        units.put("mV", "millivolt");
        units.put("A", "ampere");
        units.put("mA", "milliampere");
        units.put("W", "watt");
        units.put("kW", "kilowatt");
        units.put("Wh", "watt-hour");
        units.put("kWh", "kilowatt-hour");
        units.put("Ah", "ampere-hour");
        units.put("mAh", "milliampere-hour");
        units.put("km", "kilometre");
        units.put("mi", "mile");
        units.put("m", "metre");
        units.put("cm", "centimetre");
        units.put("mm", "millimetre");
        units.put("h", "hour");
        units.put("min", "minute");
        units.put("s", "second");
        units.put("ms", "millisecond");
        units.put("l", "litre");
        units.put("gal", "US gallon");
        units.put("m³", "cubic metre");
        units.put("l/h", "litre per hour");
        units.put("l/100 km", "litre per 100 kilometres");
        units.put("bar", "bar");
        units.put("kPa", "kilopascal");
        units.put("hPa", "hectopascal");
        units.put("psi", "pound per square inch");
        units.put("°", "degree (angle)");
        units.put("kg", "kilogram");
        units.put("t", "tonne");
        units.put("dBm", "decibel-milliwatt");
        units.put("dB", "decibel");
        units.put("lx", "lux");
        units.put("Hz", "hertz");
        return Collections.unmodifiableMap(units);
    }
}
