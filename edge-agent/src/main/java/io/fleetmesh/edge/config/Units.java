package io.fleetmesh.edge.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the configuration's durations ({@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 7d}) and sizes ({@code 1GiB}). */
public final class Units {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

    private Units() {
    }

    public static Duration duration(String text) {
        Matcher m = match(text);
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

    static long bytes(String text) {
        Matcher m = match(text);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> n;
            case "kib", "k" -> n << 10;
            case "mib", "m" -> n << 20;
            case "gib", "g" -> n << 30;
            default -> throw new IllegalArgumentException("unknown size unit in '" + text + "'");
        };
    }

    private static Matcher match(String text) {
        Matcher m = AMOUNT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an amount: '" + text + "'");
        }
        return m;
    }
}
