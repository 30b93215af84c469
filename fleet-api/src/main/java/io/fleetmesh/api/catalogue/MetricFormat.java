package io.fleetmesh.api.catalogue;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A value as text by its catalogue entry, in the reader's locale: what the page renders before its script runs
 * (and without one). metrics.js does the same in the browser, with the operator's locale; keep the two alike.
 */
final class MetricFormat {

    /** Without a precision a number shows at most this many decimals, as the browser's Intl.NumberFormat does. */
    private static final int DEFAULT_DECIMALS = 3;

    private MetricFormat() {
    }

    static String text(MetricEntry entry, JsonNode value, Locale locale) {
        if (entry == null || value == null) {
            return raw(value);
        }
        String state = entry.stateOf(key(value));
        if (state != null) {
            return state;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            return raw(value);
        }
        return withUnit(number(value.doubleValue(), entry.precision(), locale), entry.unit());
    }

    /** A number with the entry's decimals, rounded half away from zero (Intl.NumberFormat's default). */
    static String number(double value, Integer precision, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setRoundingMode(RoundingMode.HALF_UP);
        format.setMinimumFractionDigits(precision == null ? 0 : precision);
        format.setMaximumFractionDigits(precision == null ? DEFAULT_DECIMALS : precision);
        return format.format(value);
    }

    /** "74 km/h", "-17.7 °C"; a percentage and an angle follow their number directly: "80%", "270°". */
    static String withUnit(String number, String unit) {
        if (unit == null || unit.isEmpty()) {
            return number;
        }
        return unit.equals("%") || unit.equals("°") ? number + unit : number + " " + unit;
    }

    /** The value as the device sent it: a string as is, a number as JSON wrote it. */
    static String raw(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isString() ? value.stringValue() : value.toString();
    }

    /**
     * A value as the key of an entry's states: a string as is, an integral number without decimals ("1" for 1 and
     * 1.0, as JavaScript's String(1.0) is "1").
     */
    static String key(JsonNode value) {
        if (value.isNumber()) {
            double number = value.doubleValue();
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : raw(value);
        }
        return raw(value);
    }
}
