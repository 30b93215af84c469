package io.fleetmesh.edge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's precondition, checked on the truck against its latest reading: {@code <channel>.<metric> <op> <value>}
 * with op one of {@code < <= > >= == !=}, e.g. {@code gps.speed <= 0} before an immobiliser.
 */
record Precondition(String text, String channel, String metric, String op, double value) {

    private static final Pattern SYNTAX = Pattern.compile(
            "([a-z0-9_-]{1,64})\\.([A-Za-z0-9_-]{1,64}) (<=|>=|==|!=|<|>) (-?[0-9]{1,12}(?:\\.[0-9]{1,6})?)");

    static Precondition parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("precondition is not '<channel>.<metric> <op> <number>': " + text);
        }
        return new Precondition(text, m.group(1), m.group(2), m.group(3), Double.parseDouble(m.group(4)));
    }

    /** Why it does not hold now, or empty if it does. No reading of the metric yet: it does not hold. */
    Optional<String> violation(LatestReadings latest) {
        Optional<Double> reading = latest.value(channel, metric);
        if (reading.isEmpty()) {
            return Optional.of("precondition " + text + ": no reading of " + channel + "." + metric + " yet");
        }
        return holds(reading.get()) ? Optional.empty()
                : Optional.of("precondition " + text + " does not hold: " + channel + "." + metric + " is " + reading.get());
    }

    private boolean holds(double actual) {
        return switch (op) {
            case "<" -> actual < value;
            case "<=" -> actual <= value;
            case ">" -> actual > value;
            case ">=" -> actual >= value;
            case "==" -> actual == value;
            default -> actual != value;
        };
    }
}
