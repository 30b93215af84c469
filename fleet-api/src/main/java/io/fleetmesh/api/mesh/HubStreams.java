package io.fleetmesh.api.mesh;

import io.fleetmesh.protocol.PackageOrder;
import io.fleetmesh.protocol.Subjects;

/** The hub's JetStream streams (DESIGN §2): names and the subjects they capture. */
public final class HubStreams {

    public static final String TELEMETRY = "TELEMETRY";
    public static final String TELEMETRY_SUBJECTS = Subjects.ALL_TELEMETRY;
    public static final String EVENTS = "EVENTS";
    public static final String EVENTS_SUBJECTS = Subjects.ALL_EVENTS;
    public static final String COMMANDS = "COMMANDS";
    public static final String COMMANDS_SUBJECTS = Subjects.ALL_COMMANDS;

    /** Every command subject of one device: its consumer's filter, and what goes when the device is deleted. */
    public static String commandSubjects(String deviceId) {
        return Subjects.commandsOf(deviceId);
    }

    /** The durable consumer of the hub's COMMANDS stream that delivers one device's commands (ADR 0006). */
    public static String commandConsumer(String deviceId) {
        return "cmd-" + deviceId;
    }

    /** Where that consumer delivers: a subject of the device's own, which only it may subscribe to. */
    public static String commandDelivery(String deviceId) {
        return Subjects.commandDelivery(deviceId);
    }

    /** The Object Store bucket of each tenant account that holds its packages (ADR 0013), and its stream. */
    public static final String PACKAGES_BUCKET = PackageOrder.BUCKET;
    public static final String PACKAGES = PackageOrder.STREAM;

    /** The pull consumer on {@link #PACKAGES} through which one truck downloads its released package (ADR 0013). */
    public static String packageConsumer(String deviceId) {
        return "ota-" + deviceId;
    }

    /** The chunks of one object of the packages bucket: that consumer's filter. */
    public static String packageChunks(String nuid) {
        return "$O." + PACKAGES_BUCKET + ".C." + nuid;
    }

    /** fleet-api's synchronous command requests to an online agent ({@code ?wait=}). */
    public static String commandRpc(String deviceId) {
        return Subjects.commandRequests(deviceId);
    }

    /** The durable pull consumer of a tenant's data tap (ADR 0015). */
    public static String tapConsumer(String tap) {
        return "tap-" + tap;
    }

    /**
     * The inbox prefix a tap's reader uses, the only one its credentials may subscribe to: a first token no device
     * inbox ({@code _INBOX.<device>}) shares.
     */
    public static String tapInbox(String tap) {
        return "_TAP_INBOX." + tap;
    }

    /** Advisories of messages a consumer gave up on: the dead letters of taps. */
    public static final String DEAD_LETTER_ADVISORIES = "TAP_DEAD_LETTERS";
    public static final String MAX_DELIVERIES = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.*.*";
    public static final String TERMINATED = "$JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED.*.*";

    private HubStreams() {
    }
}
