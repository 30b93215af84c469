package io.fleetmesh.edge.rules;

import io.fleetmesh.edge.config.Units;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A threshold rule: {@code <channel>.<metric> <op> <threshold> [for <duration>] [clear <value>] [severity <S>]},
 * e.g. {@code reefer.temp > -15 for 30s clear -16 severity CRITICAL}. It raises once the condition has held for
 * the duration, and clears once the value is back past the clear threshold (hysteresis, so a value hovering at
 * the threshold does not flap).
 */
public record Rule(String id, String channel, String metric, Comparison comparison, double threshold, Duration forDuration,
            double clearThreshold, String severity) {

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([a-z0-9_-]+(?:\\.[a-z0-9_-]+)*)\\.([A-Za-z0-9_-]+)\\s*(>=|<=|>|<)\\s*(-?[0-9.]+)"
                    + "(?:\\s+for\\s+(\\S+))?(?:\\s+clear\\s+(-?[0-9.]+))?(?:\\s+severity\\s+(INFO|WARNING|CRITICAL))?\\s*");

    enum Comparison {
        ABOVE(">"), AT_LEAST(">="), BELOW("<"), AT_MOST("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        static Comparison of(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown comparison " + symbol);
        }

        boolean holds(double value, double threshold) {
            return switch (this) {
                case ABOVE -> value > threshold;
                case AT_LEAST -> value >= threshold;
                case BELOW -> value < threshold;
                case AT_MOST -> value <= threshold;
            };
        }

        /** Back to normal: past the clear threshold in the other direction. */
        boolean cleared(double value, double clearThreshold) {
            return this == ABOVE || this == AT_LEAST ? value < clearThreshold : value > clearThreshold;
        }
    }

    public static Rule parse(String id, String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("rule " + id + " is not '<channel>.<metric> <op> <threshold>"
                    + " [for <duration>] [clear <value>] [severity INFO|WARNING|CRITICAL]': " + text);
        }
        double threshold = Double.parseDouble(m.group(4));
        return new Rule(id, m.group(1), m.group(2), Comparison.of(m.group(3)), threshold,
                m.group(5) == null ? Duration.ZERO : Units.duration(m.group(5)),
                m.group(6) == null ? threshold : Double.parseDouble(m.group(6)),
                m.group(7) == null ? "WARNING" : m.group(7));
    }
}
