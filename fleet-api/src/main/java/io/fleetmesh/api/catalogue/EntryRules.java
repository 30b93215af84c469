package io.fleetmesh.api.catalogue;

import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.Unprocessable;
import io.fleetmesh.api.telemetry.TelemetryNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a tenant's catalogue entry may hold. Names follow the telemetry ingest's own patterns (an entry no reading
 * could ever match is a mistake); texts are free, as they are only ever shown as text, but have no control or
 * direction-override characters (a label must read as what it is) and are valid Unicode.
 */
final class EntryRules {

    static final String CHANNEL = "\\*|" + TelemetryNames.CHANNEL;
    static final String CHART = "[a-z0-9_-]{1,32}";
    static final int MAX_TEXT = 64;
    static final int MAX_PRECISION = 6;
    static final int MAX_STATES = 32;

    private EntryRules() {
    }

    /** The entry, checked; refuses malformed input (400) and a unit outside {@link Units} (422). */
    static MetricEntry entry(String channel, String metric, EntryRequest request) {
        checkNames(channel, metric);
        if (request == null) {
            throw new InvalidInput("The body must be an entry: {\"label\": ..., \"unit\": ..., ...}.");
        }
        text("label", request.label());
        checkUnit(request.unit());
        checkPrecision(request.precision());
        checkChart(request.chart());
        checkStates(request.states());
        return new MetricEntry(channel, metric, request.label(), request.unit(), request.precision(), request.chart(),
                request.states(), MetricEntry.Source.TENANT);
    }

    static void checkNames(String channel, String metric) {
        if (channel == null || !(channel.equals(MetricEntry.ANY_CHANNEL) || TelemetryNames.isChannel(channel))) {
            throw new InvalidInput("The channel " + TelemetryNames.CHANNEL_RULE + ", or is * for any channel.");
        }
        if (!TelemetryNames.isMetric(metric)) {
            throw new InvalidInput("The metric " + TelemetryNames.METRIC_RULE + ".");
        }
    }

    private static void checkUnit(String unit) {
        if (unit != null && !Units.isKnown(unit)) {
            throw new Unprocessable("Unknown unit", "The unit is not one of the catalogue's units (leave it out for"
                    + " none).", Map.of("units", List.copyOf(Units.ALL.keySet())));
        }
    }

    private static void checkPrecision(Integer precision) {
        if (precision != null && (precision < 0 || precision > MAX_PRECISION)) {
            throw new InvalidInput("precision is the number of decimals shown, 0-" + MAX_PRECISION + ".");
        }
    }

    private static void checkChart(String chart) {
        if (chart != null && !chart.matches(CHART)) {
            throw new InvalidInput("chart names a chart group: 1-32 characters of a-z, 0-9, _ and -.");
        }
    }

    private static void checkStates(Map<String, String> states) {
        if (states == null) {
            return;
        }
        if (states.isEmpty() || states.size() > MAX_STATES) {
            throw new InvalidInput("states maps 1-" + MAX_STATES + " values to the text shown for each.");
        }
        states.forEach((value, shown) -> {
            text("a value in states", value);
            text("the text of state '" + value + "'", shown);
        });
    }

    /** Refuses a missing, blank, long or unreadable text, naming which. */
    static void text(String what, String text) {
        if (text == null || text.isBlank() || text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw new InvalidInput(what + " must be 1-" + MAX_TEXT + " characters, not blank.");
        }
        if (!readable(text)) {
            throw new InvalidInput(what + " must not hold control or direction-override characters.");
        }
    }

    /** No control characters, no bidirectional overrides or isolates, no lone surrogates. */
    static boolean readable(String text) {
        boolean plain = text.codePoints().noneMatch(c -> Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069));
        return plain && StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }
}
