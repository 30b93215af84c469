package io.fleetmesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubjectsTest {

    @Test
    void eachBuilderNamesTheDevicesOwnSubject() {
        assertThat(Subjects.telemetry("truck-7", "reefer")).isEqualTo("fleet.truck-7.telemetry.reefer");
        assertThat(Subjects.telemetryPrefix("truck-7")).isEqualTo("fleet.truck-7.telemetry.");
        assertThat(Subjects.telemetryOf("truck-7")).isEqualTo("fleet.truck-7.telemetry.>");
        assertThat(Subjects.eventsOf("truck-7")).isEqualTo("fleet.truck-7.events.>");
        assertThat(Subjects.alertEvents("truck-7")).isEqualTo("fleet.truck-7.events.alert");
        assertThat(Subjects.commandEvents("truck-7")).isEqualTo("fleet.truck-7.events.command");
        assertThat(Subjects.statusEvents("truck-7")).isEqualTo("fleet.truck-7.events.status");
        assertThat(Subjects.command("truck-7", "set-setpoint")).isEqualTo("fleet.truck-7.cmd.set-setpoint");
        assertThat(Subjects.commandsOf("truck-7")).isEqualTo("fleet.truck-7.cmd.>");
        assertThat(Subjects.commandDelivery("truck-7")).isEqualTo("fleet.truck-7.deliver.cmd");
        assertThat(Subjects.commandRequests("truck-7")).isEqualTo("fleet.truck-7.rpc.command");
        assertThat(Subjects.driverAlerts("truck-7")).isEqualTo("fleet.truck-7.driver.alert");
        assertThat(Subjects.deviceSubjects("truck-7")).isEqualTo("fleet.truck-7.>");
        assertThat(Subjects.inboxPrefix("truck-7")).isEqualTo("_INBOX.truck-7");
        assertThat(Subjects.inboxesOf("truck-7")).isEqualTo("_INBOX.truck-7.>");
    }

    @Test
    void theFleetWideWildcardsMatchWhatTheBuildersMake() {
        assertThat(matches(Subjects.ALL_TELEMETRY, Subjects.telemetry("t", "gps"))).isTrue();
        assertThat(matches(Subjects.ALL_EVENTS, Subjects.alertEvents("t"))).isTrue();
        assertThat(matches(Subjects.ALL_ALERT_EVENTS, Subjects.alertEvents("t"))).isTrue();
        assertThat(matches(Subjects.ALL_COMMAND_EVENTS, Subjects.commandEvents("t"))).isTrue();
        assertThat(matches(Subjects.ALL_STATUS_EVENTS, Subjects.statusEvents("t"))).isTrue();
        assertThat(matches(Subjects.ALL_COMMANDS, Subjects.command("t", "ping"))).isTrue();
        assertThat(matches(Subjects.ALL_DRIVER, Subjects.driverAlerts("t"))).isTrue();
        assertThat(matches(Subjects.ALL_TELEMETRY, Subjects.alertEvents("t"))).isFalse();
        assertThat(matches(Subjects.ALL_COMMANDS, Subjects.commandDelivery("t"))).isFalse();
    }

    @Test
    void parseSplitsDeviceKindAndTheRest() {
        assertThat(Subjects.parse("fleet.truck-7.telemetry.engine.can")).contains(
                new MeshSubject("truck-7", "telemetry", "engine.can"));
        assertThat(Subjects.parse(Subjects.statusEvents("t")).orElseThrow().name()).isEqualTo("status");
        assertThat(Subjects.parse(Subjects.telemetry("t", "gps")).orElseThrow().isTelemetry()).isTrue();
        assertThat(Subjects.parse(Subjects.commandEvents("t")).orElseThrow().isTelemetry()).isFalse();
    }

    @Test
    void deviceOfNamesTheDeviceOrRefuses() {
        assertThat(Subjects.deviceOf(Subjects.alertEvents("truck-7"))).isEqualTo("truck-7");
        assertThatThrownBy(() -> Subjects.deviceOf("fleet.truck-7"))
                .isInstanceOf(MalformedMessage.class);
    }

    @Test
    void parseRefusesWhatIsNotAMeshSubject() {
        assertThat(Subjects.parse("fleet.truck-7.telemetry")).isEmpty();
        assertThat(Subjects.parse("other.truck-7.telemetry.gps")).isEmpty();
        assertThat(Subjects.parse("fleet..telemetry.gps")).isEmpty();
        assertThat(Subjects.parse("fleet.t..gps")).isEmpty();
        assertThat(Subjects.parse("")).isEmpty();
    }

    @Test
    void theMessageIdNamesDeviceEpochAndSequence() {
        assertThat(MeshHeaders.messageId("truck-7", 1732000000000L, 42)).isEqualTo("truck-7:1732000000000:42");
    }

    /** NATS subject matching: {@code *} one token, {@code >} one or more at the end. */
    private static boolean matches(String filter, String subject) {
        String[] f = filter.split("\\.");
        String[] s = subject.split("\\.");
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals(">")) {
                return s.length > i;
            }
            if (i >= s.length || !(f[i].equals("*") || f[i].equals(s[i]))) {
                return false;
            }
        }
        return f.length == s.length;
    }
}
