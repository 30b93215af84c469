package io.fleetmesh.api.alerts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cloud threshold, pure: {@code <channel>.<metric> <op> <threshold> [for <d>] [clear <value>] [severity S]} (the
 * edge grammar; {@code for} is accepted and not used in the cloud). It is crossed when the comparison holds, and
 * over once the value is back past the clear value (the threshold itself if none), so a value hovering at the
 * threshold does not flap.
 */
record Threshold(String channel, String metric, String op, double threshold, double clear, Severity severity) {

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([a-z0-9_-]+(?:\\.[a-z0-9_-]+)*)\\.([A-Za-z0-9_-]+)\\s*(>=|<=|>|<)\\s*(-?[0-9.]+)"
                    + "(?:\\s+for\\s+\\S+)?(?:\\s+clear\\s+(-?[0-9.]+))?(?:\\s+severity\\s+(INFO|WARNING|CRITICAL))?\\s*");

    static Threshold parse(String expression) {
        Matcher m = SYNTAX.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a threshold: " + expression);
        }
        double threshold = Double.parseDouble(m.group(4));
        return new Threshold(m.group(1), m.group(2), m.group(3), threshold,
                m.group(5) == null ? threshold : Double.parseDouble(m.group(5)),
                m.group(6) == null ? Severity.WARNING : Severity.valueOf(m.group(6)));
    }

    boolean crossed(double value) {
        return switch (op) {
            case ">" -> value > threshold;
            case ">=" -> value >= threshold;
            case "<" -> value < threshold;
            default -> value <= threshold;
        };
    }

    boolean over(double value) {
        return op.startsWith(">") ? value < clear : value > clear;
    }
}
