package io.fleetmesh.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line: {@code <device>=<url> ... [--period <amount>]}, the period in the agent's notation
 * ({@code 500ms}, {@code 1s}, {@code 2m}, {@code 1h}, {@code 1d}; a bare number is seconds), one second by default.
 *
 * @param targets each {@code <device>=<url>}
 * @param period  how often each simulated truck publishes a reading per channel
 */
record SimulatorArguments(List<String> targets, Duration period) {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

    static SimulatorArguments parse(String[] args) {
        List<String> targets = new ArrayList<>();
        Duration period = Duration.ofSeconds(1);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--period")) {
                period = duration(args[++i]);
            } else {
                targets.add(args[i]);
            }
        }
        return new SimulatorArguments(targets, period);
    }

    static Duration duration(String text) {
        Matcher m = AMOUNT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an amount: '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(n);
            case "s", "" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("unknown duration unit in '" + text + "'");
        };
    }
}
