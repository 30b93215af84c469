package io.fleetmesh.api.drivers;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * What a truck reports when a driver badges in or out: a reading on the {@code driver} channel whose {@code id} is
 * the identifier read off the card or key (empty, null or absent: badged out). Identifiers compare upper-case.
 */
public final class DriverBadge {

    public static final String CHANNEL = "driver";

    private DriverBadge() {
    }

    /** The identifier badged in, or null for a badge out. */
    public static String identifier(JsonNode metrics) {
        JsonNode id = metrics.get("id");
        return id != null && id.isString() && !id.stringValue().isBlank() ? normalised(id.stringValue()) : null;
    }

    static String normalised(String identifier) {
        return identifier.strip().toUpperCase(Locale.ROOT);
    }
}
