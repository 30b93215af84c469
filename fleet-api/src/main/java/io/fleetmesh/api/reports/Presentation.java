package io.fleetmesh.api.reports;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A report as an operator reads it: times in their zone, distances and speeds in their units. */
public record Presentation(ZoneId zone, Units units) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String header(Column column) {
        return switch (column.cell()) {
            case TIME -> column.title() + " (" + zone.getId() + ")";
            case DISTANCE -> column.title() + " (" + units.distanceUnit() + ")";
            case SPEED -> column.title() + " (" + units.speedUnit() + ")";
            case HOURS -> column.title() + " (h)";
            case LITRES -> column.title() + " (l)";
            default -> column.title();
        };
    }

    /** The value as text: empty if missing, durations as h:mm:ss. */
    public String text(Column column, Object value) {
        if (value == null) {
            return "";
        }
        return switch (column.cell()) {
            case TIME -> TIME.format(local((Instant) value));
            case DAY -> value.toString();
            case COORDINATE -> String.format(Locale.ROOT, "%.6f", (Double) value);
            case DISTANCE, SPEED, HOURS, LITRES -> String.format(Locale.ROOT, "%.2f", number(column, value));
            case DURATION -> duration(((Number) value).longValue());
            default -> value.toString();
        };
    }

    /** A number cell in the operator's units (durations in seconds). */
    public double number(Column column, Object value) {
        double number = ((Number) value).doubleValue();
        return switch (column.cell()) {
            case DISTANCE -> units.distance(number);
            case SPEED -> units.speed(number);
            default -> number;
        };
    }

    public LocalDateTime local(Instant time) {
        return LocalDateTime.ofInstant(time, zone);
    }

    private static String duration(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
}
