package io.fleetmesh.api.mesh;

/** The hub's JetStream streams (DESIGN §2): names and the subjects they capture. */
public final class HubStreams {

    public static final String TELEMETRY = "TELEMETRY";
    public static final String TELEMETRY_SUBJECTS = "fleet.*.telemetry.>";
    public static final String EVENTS = "EVENTS";
    public static final String EVENTS_SUBJECTS = "fleet.*.events.>";
    public static final String COMMANDS = "COMMANDS";
    public static final String COMMANDS_SUBJECTS = "fleet.*.cmd.>";

    private HubStreams() {
    }
}
