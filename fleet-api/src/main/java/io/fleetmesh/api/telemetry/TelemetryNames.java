package io.fleetmesh.api.telemetry;

import java.util.regex.Pattern;

/**
 * What a reading's channel and metric names may be: ingest refuses others, and whoever names a channel or a metric
 * (the metric catalogue) checks with the same patterns, so that a name it accepts can arrive in a reading.
 */
public final class TelemetryNames {

    /** 1-4 dot-separated tokens of a-z, 0-9, _ and - (each a subject token after {@code telemetry.}). */
    public static final String CHANNEL = "[a-z0-9_-]{1,32}(\\.[a-z0-9_-]{1,32}){0,3}";
    public static final String CHANNEL_RULE = "must be 1-4 dot-separated tokens of 1-32 characters of a-z, 0-9, _ and -";
    public static final String METRIC = "[A-Za-z0-9_-]{1,64}";
    public static final String METRIC_RULE = "must be 1-64 characters of A-Z, a-z, 0-9, _ and -";

    private static final Pattern CHANNEL_PATTERN = Pattern.compile(CHANNEL);
    private static final Pattern METRIC_PATTERN = Pattern.compile(METRIC);

    private TelemetryNames() {
    }

    public static boolean isChannel(String name) {
        return name != null && CHANNEL_PATTERN.matcher(name).matches();
    }

    public static boolean isMetric(String name) {
        return name != null && METRIC_PATTERN.matcher(name).matches();
    }
}
