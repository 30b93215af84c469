package io.fleetmesh.api.telemetry;

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

    private static final int MAX_CHANNEL_TOKENS = 4;
    private static final int MAX_TOKEN = 32;
    private static final int MAX_METRIC = 64;

    private TelemetryNames() {
    }

    // Checked on every reading: a scan of the characters, the same rule as the patterns above (TelemetryNamesTest
    // holds them to each other), at a fraction of a regular expression's cost.
    public static boolean isChannel(String name) {
        if (name == null) {
            return false;
        }
        int tokens = 0;
        int start = 0;
        for (int dot = name.indexOf('.'); tokens < MAX_CHANNEL_TOKENS; dot = name.indexOf('.', start)) {
            int end = dot < 0 ? name.length() : dot;
            if (!isToken(name, start, end, MAX_TOKEN, false)) {
                return false;
            }
            tokens++;
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
        return false;
    }

    public static boolean isMetric(String name) {
        return name != null && isToken(name, 0, name.length(), MAX_METRIC, true);
    }

    private static boolean isToken(String text, int start, int end, int max, boolean upperCase) {
        if (end <= start || end - start > max) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                    || (upperCase && c >= 'A' && c <= 'Z');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
