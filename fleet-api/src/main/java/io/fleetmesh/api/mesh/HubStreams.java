package io.fleetmesh.api.mesh;

/** The hub's JetStream streams (DESIGN §2): names and the subjects they capture. */
public final class HubStreams {

    public static final String TELEMETRY = "TELEMETRY";
    public static final String TELEMETRY_SUBJECTS = "fleet.*.telemetry.>";
    public static final String EVENTS = "EVENTS";
    public static final String EVENTS_SUBJECTS = "fleet.*.events.>";
    public static final String COMMANDS = "COMMANDS";
    public static final String COMMANDS_SUBJECTS = "fleet.*.cmd.>";

    /** Every command subject of one device: its consumer's filter, and what goes when the device is deleted. */
    public static String commandSubjects(String deviceId) {
        return "fleet." + deviceId + ".cmd.>";
    }

    /** The durable consumer of the hub's COMMANDS stream that delivers one device's commands (ADR 0006). */
    public static String commandConsumer(String deviceId) {
        return "cmd-" + deviceId;
    }

    /** Where that consumer delivers: a subject of the device's own, which only it may subscribe to. */
    public static String commandDelivery(String deviceId) {
        return "fleet." + deviceId + ".deliver.cmd";
    }

    /** fleet-api's synchronous command requests to an online agent ({@code ?wait=}). */
    public static String commandRpc(String deviceId) {
        return "fleet." + deviceId + ".rpc.command";
    }

    private HubStreams() {
    }
}
