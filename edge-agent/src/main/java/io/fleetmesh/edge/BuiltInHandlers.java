package io.fleetmesh.edge;

import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The handlers every agent has: {@code ping}, and {@code set-setpoint}, which asks the reefer controller on the
 * truck (a local NATS service on {@code agent.actuator.reefer.setpoint}, the simulator's in tests) to change it.
 */
final class BuiltInHandlers {

    static final String SETPOINT_SUBJECT = "agent.actuator.reefer.setpoint";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Duration CONTROLLER_TIMEOUT = Duration.ofSeconds(2);

    private BuiltInHandlers() {
    }

    static List<CommandHandler> all(Connection local) {
        return List.of(ping(), setpoint(local));
    }

    static CommandHandler ping() {
        return handler("ping", params -> {
            ObjectNode pong = json.createObjectNode().put("pong", true).put("agentVersion", StatusHeartbeat.VERSION);
            return pong.put("at", Instant.now().toString());
        });
    }

    /** {@code {"setpoint": -18}}, between -40 and 30 °C. */
    static CommandHandler setpoint(Connection local) {
        return handler("set-setpoint", params -> {
            JsonNode setpoint = params.path("setpoint");
            if (!setpoint.isNumber() || setpoint.doubleValue() < -40 || setpoint.doubleValue() > 30) {
                throw new IllegalArgumentException("params.setpoint must be a number from -40 to 30");
            }
            Message answer = local.request(SETPOINT_SUBJECT, json.writeValueAsBytes(params), CONTROLLER_TIMEOUT);
            if (answer == null || answer.isStatusMessage()) {
                throw new IllegalStateException("no reefer controller answered on the truck");
            }
            return json.readTree(answer.getData());
        });
    }

    private static CommandHandler handler(String type, Body body) {
        return new CommandHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public JsonNode run(JsonNode params) throws Exception {
                return body.run(params);
            }
        };
    }

    private interface Body {
        JsonNode run(JsonNode params) throws Exception;
    }
}
