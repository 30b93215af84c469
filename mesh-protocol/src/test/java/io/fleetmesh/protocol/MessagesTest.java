package io.fleetmesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MessagesTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-12-04T10:15:30Z");

    @Test
    void aCommandSurvivesTheWireAndKeepsItsJsonNames() {
        CommandMessage sent = new CommandMessage(UUID.randomUUID().toString(), "set-setpoint",
                json.readTree("{\"setpoint\": -22}"), AT, List.of("gps.speed <= 5"));
        assertThat(CommandMessage.parse(sent.toJson())).isEqualTo(sent);
        assertThat(json.readTree(sent.toJson()).get("expiresAt").stringValue()).isEqualTo("2026-12-04T10:15:30Z");
    }

    @Test
    void aCommandWithoutIdTypeOrExpiryIsRefused() {
        assertThatThrownBy(() -> CommandMessage.parse(bytes("{\"type\": \"ping\", \"expiresAt\": \"" + AT + "\"}")))
                .isInstanceOf(MalformedMessage.class).hasMessage("command has no id");
        assertThatThrownBy(() -> CommandMessage.parse(bytes("{\"id\": \"x\", \"type\": \"ping\", \"expiresAt\": \"soon\"}")))
                .isInstanceOf(MalformedMessage.class);
        assertThatThrownBy(() -> CommandMessage.parse(bytes("{not json"))).isInstanceOf(MalformedMessage.class);
    }

    @Test
    void aReportSurvivesTheWire() {
        CommandReport sent = new CommandReport(UUID.randomUUID().toString(), CommandReport.SUCCEEDED, AT, null,
                json.readTree("{\"setpoint\": -22}"));
        assertThat(CommandReport.parse(sent.toJson())).isEqualTo(sent);
        assertThat(CommandReport.parse(CommandReport.of(sent.id(), CommandReport.FAILED, "no").toJson()).reason())
                .isEqualTo("no");
    }

    @Test
    void aReportTheCloudCannotUseIsRefusedWithTheReason() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> CommandReport.parse(bytes("{\"id\": \"7\", \"state\": \"failed\", \"at\": \"" + AT + "\"}")))
                .hasMessage("report id is not a UUID");
        assertThatThrownBy(() -> CommandReport.parse(bytes("{\"id\": \"" + id + "\", \"state\": \"queued\", \"at\": \"" + AT + "\"}")))
                .hasMessage("a truck cannot report QUEUED");
        assertThatThrownBy(() -> CommandReport.parse(bytes("{\"id\": \"" + id + "\", \"state\": \"failed\"}")))
                .hasMessage("report has no at");
        assertThatThrownBy(() -> CommandReport.parse(new byte[CommandReport.MAX_BYTES + 1]))
                .hasMessageContaining("exceeds");
    }

    @Test
    void anAlertSurvivesTheWireAndTheOverflowAlertIsRaised() {
        AlertEvent sent = new AlertEvent("a-1", "reefer-warm", AlertEvent.RAISED, "CRITICAL", "reefer.temp", -12.5,
                -15.0, AT, "too warm");
        assertThat(AlertEvent.parse(sent.toJson())).isEqualTo(sent);
        AlertEvent overflow = AlertEvent.parse(AlertEvent.overflow(3, 10).toJson());
        assertThat(overflow.ruleId()).isEqualTo("outbox-overflow");
        assertThat(overflow.value()).isEqualTo(3.0);
        assertThat(overflow.cleared()).isFalse();
    }

    @Test
    void anAlertWithAnUnknownStateOrWithoutItsTextsIsRefused() {
        assertThatThrownBy(() -> AlertEvent.parse(bytes("{\"state\": \"MAYBE\"}")))
                .hasMessage("alert state must be RAISED or CLEARED");
        assertThatThrownBy(() -> AlertEvent.parse(bytes("{\"state\": \"CLEARED\", \"alertId\": \"a\"}")))
                .hasMessage("alert has no ruleId");
    }

    @Test
    void theHeartbeatHasTheFieldNamesTheCloudReads() {
        AgentStatus status = new AgentStatus(AT, "0.1.0", 3L, 2L, 60, 5, 2, 0, AT);
        var node = json.readTree(status.toJson());
        assertThat(node.get(AgentStatus.AGENT_VERSION).stringValue()).isEqualTo("0.1.0");
        assertThat(node.get(AgentStatus.CONFIG_VERSION).longValue()).isEqualTo(3);
        assertThat(node.get(AgentStatus.BACKLOG).longValue()).isEqualTo(5);
        assertThat(node.get(AgentStatus.OLDEST_UNSYNCED_AGE).longValue()).isEqualTo(2);
        assertThat(node.get(AgentStatus.DISCARDED).longValue()).isZero();
        assertThat(node.get(AgentStatus.LAST_SYNC_AT).stringValue()).isEqualTo("2026-12-04T10:15:30Z");
        assertThat(node.get("ts").stringValue()).isEqualTo("2026-12-04T10:15:30Z");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
