package io.fleetmesh.edge.commands;

import io.fleetmesh.edge.rules.LatestReadings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's precondition, checked on the truck against its latest reading: {@code <channel>.<metric> <op> <value>}
 * with op one of {@code < <= > >= == !=}, e.g. {@code gps.speed <= 0} before an immobiliser.
 */
public record Precondition(String text, String channel, String metric, String op, double value) {

    private static final Pattern SYNTAX = Pattern.compile(
            "([a-z0-9_-]{1,64})\\.([A-Za-z0-9_-]{1,64}) (<=|>=|==|!=|<|>) (-?[0-9]{1,12}(?:\\.[0-9]{1,6})?)");

    public static Precondition parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("precondition is not '<channel>.<metric> <op> <number>': " + text);
        }
        return new Precondition(text, m.group(1), m.group(2), m.group(3), Double.parseDouble(m.group(4)));
    }

    /** A reading older than this says nothing about now (the sensor may have stopped): it does not count. */
    static final Duration FRESH = Duration.ofSeconds(60);

    /** Why it does not hold at {@code now}, or empty if it does. No recent reading of the metric: it does not hold. */
    public Optional<String> violation(LatestReadings latest, Instant now) {
        Optional<LatestReadings.Latest> reading = latest.latest(channel, metric)
                .filter(l -> !l.at().isBefore(now.minus(FRESH)));
        if (reading.isEmpty()) {
            return Optional.of("precondition " + text + ": no reading of " + channel + "." + metric + " in the last "
                    + FRESH.toSeconds() + " s");
        }
        double value = reading.get().value();
        return holds(value) ? Optional.empty()
                : Optional.of("precondition " + text + " does not hold: " + channel + "." + metric + " is " + value);
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
