package io.fleetmesh.protocol;

/**
 * A parsed mesh subject: {@code fleet.<device>.<kind>.<name>}, e.g. device {@code truck-7}, kind {@code telemetry},
 * name {@code reefer} (a name may have dots of its own: the rest of the subject).
 */
public record MeshSubject(String device, String kind, String name) {

    public static final String TELEMETRY = "telemetry";
    public static final String EVENTS = "events";
    public static final String COMMANDS = "cmd";

    public boolean isTelemetry() {
        return TELEMETRY.equals(kind);
    }
}
