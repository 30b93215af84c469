package io.fleetmesh.protocol;

import java.util.Optional;

/**
 * The subject mesh (DESIGN §2). One NATS account per tenant, so a subject names the device, never the tenant:
 * {@code fleet.<device>.<kind>.<name>}. MQTT topics map {@code /} to {@code .}.
 */
public final class Subjects {

    /** Every truck's readings, the hub's TELEMETRY stream. */
    public static final String ALL_TELEMETRY = "fleet.*.telemetry.>";
    /** Every truck's events (alerts, command reports, heartbeats), the hub's EVENTS stream. */
    public static final String ALL_EVENTS = "fleet.*.events.>";
    /** Every command for every truck, the hub's COMMANDS stream. */
    public static final String ALL_COMMANDS = "fleet.*.cmd.>";
    /** The driver display's messages on every leaf; they never leave the truck. */
    public static final String ALL_DRIVER = "fleet.*.driver.>";
    public static final String ALL_ALERT_EVENTS = "fleet.*.events.alert";
    public static final String ALL_COMMAND_EVENTS = "fleet.*.events.command";
    public static final String ALL_STATUS_EVENTS = "fleet.*.events.status";
    public static final String ALL_OTA_EVENTS = "fleet.*.events.ota";

    /** The first token of every subject of the platform's own layout. */
    public static final String ROOT = "fleet";

    private Subjects() {
    }

    /** {@code fleet.<device>.telemetry.<channel>}: a reading, buffered on the truck and synced. */
    public static String telemetry(String device, String channel) {
        return telemetryPrefix(device) + channel;
    }

    /** {@code fleet.<device>.telemetry.}: what every reading subject of the device starts with. */
    public static String telemetryPrefix(String device) {
        return of(device, MeshSubject.TELEMETRY) + ".";
    }

    /** {@code fleet.<device>.telemetry.>} */
    public static String telemetryOf(String device) {
        return of(device, MeshSubject.TELEMETRY) + ".>";
    }

    /** {@code fleet.<device>.events.>} */
    public static String eventsOf(String device) {
        return of(device, MeshSubject.EVENTS) + ".>";
    }

    /** {@code fleet.<device>.events.alert}: an alert raised or cleared on the truck ({@link AlertEvent}). */
    public static String alertEvents(String device) {
        return of(device, MeshSubject.EVENTS) + ".alert";
    }

    /** {@code fleet.<device>.events.command}: the truck's report on a command ({@link CommandReport}). */
    public static String commandEvents(String device) {
        return of(device, MeshSubject.EVENTS) + ".command";
    }

    /** {@code fleet.<device>.events.ota}: the truck's progress with a package of a rollout ({@link OtaReport}). */
    public static String otaEvents(String device) {
        return of(device, MeshSubject.EVENTS) + ".ota";
    }

    /** {@code fleet.<device>.events.status}: the agent's heartbeat ({@link AgentStatus}). */
    public static String statusEvents(String device) {
        return of(device, MeshSubject.EVENTS) + ".status";
    }

    /** {@code fleet.<device>.cmd.<type>}: a command ({@link CommandMessage}) on the hub's COMMANDS stream. */
    public static String command(String device, String type) {
        return of(device, MeshSubject.COMMANDS) + "." + type;
    }

    /** {@code fleet.<device>.cmd.>} */
    public static String commandsOf(String device) {
        return of(device, MeshSubject.COMMANDS) + ".>";
    }

    /** {@code fleet.<device>.deliver.cmd}: where the hub's push consumer hands the device its commands. */
    public static String commandDelivery(String device) {
        return of(device, "deliver") + ".cmd";
    }

    /** {@code fleet.<device>.rpc.command}: run a command now on an online truck (request/reply). */
    public static String commandRequests(String device) {
        return of(device, "rpc") + ".command";
    }

    /** {@code fleet.<device>.driver.alert}: the driver display, local to the truck. */
    public static String driverAlerts(String device) {
        return of(device, "driver") + ".alert";
    }

    /** {@code fleet.<device>.>}: all of a device's own subjects (its permissions). */
    public static String deviceSubjects(String device) {
        return ROOT + "." + device + ".>";
    }

    /** {@code _INBOX.<device>}: a device's reply subjects start here, so its permissions can name them. */
    public static String inboxPrefix(String device) {
        return "_INBOX." + device;
    }

    /** {@code _INBOX.<device>.>} */
    public static String inboxesOf(String device) {
        return inboxPrefix(device) + ".>";
    }

    /** The device, kind and rest of a mesh subject; empty if it is not {@code fleet.<device>.<kind>.<name...>}. */
    public static Optional<MeshSubject> parse(String subject) {
        String[] tokens = subject.split("\\.", 4);
        if (tokens.length < 4 || !tokens[0].equals(ROOT) || tokens[1].isEmpty() || tokens[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MeshSubject(tokens[1], tokens[2], tokens[3]));
    }

    /** The device a mesh subject names; refused if it is not a mesh subject. */
    public static String deviceOf(String subject) {
        return parse(subject).orElseThrow(() -> new MalformedMessage("not a mesh subject: " + subject)).device();
    }

    private static String of(String device, String kind) {
        return ROOT + "." + device + "." + kind;
    }
}
