package io.fleetmesh.edge.commands;

import io.fleetmesh.edge.alerts.Alerts;
import io.fleetmesh.edge.leaf.LeafMappings;
import io.fleetmesh.edge.leaf.LeafServer;
import io.fleetmesh.edge.rollout.AppliedConfig;
import io.fleetmesh.edge.rules.Rule;
import io.fleetmesh.edge.rules.RuleEngine;
import io.fleetmesh.edge.status.StatusHeartbeat;
import io.fleetmesh.protocol.MappingsOrder;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The handlers every agent has: {@code ping}; {@code set-setpoint}, which asks the reefer controller on the truck
 * (a local NATS service on {@code agent.actuator.reefer.setpoint}, the simulator's in tests) to change it; and
 * {@code apply-config}, which replaces the local rules with a pushed, versioned set; {@code apply-mappings}, which
 * gives the leaf the tenant's subject mappings.
 */
public final class BuiltInHandlers {

    // answered on a simulated truck by vehicle-simulator's Simulator (its own copy of this subject)
    static final String SETPOINT_SUBJECT = "agent.actuator.reefer.setpoint";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Duration CONTROLLER_TIMEOUT = Duration.ofSeconds(2);

    private BuiltInHandlers() {
    }

    public static List<CommandHandler> all(Connection local, RuleEngine engine, AppliedConfig config, Alerts alerts,
                                           LeafServer leaf, LeafMappings mappings) {
        return List.of(ping(), setpoint(local), applyConfig(engine, config, alerts), applyMappings(leaf, mappings));
    }

    /**
     * {@code {"version": 4, "mappings": {"trucks.*.temp": [{"subject": "fleet.$1.telemetry.reefer"}]}}}: the tenant's
     * subject mappings into the leaf's configuration, reloaded in place; all valid or nothing applied, and a version
     * not newer than the applied one changes nothing.
     */
    static CommandHandler applyMappings(LeafServer leaf, LeafMappings mappings) {
        return handler(MappingsOrder.COMMAND, params -> {
            MappingsOrder order = MappingsOrder.parse(params);
            if (order.version() > mappings.version()) {
                leaf.apply(order);
            }
            return json.createObjectNode().put("appliedVersion", mappings.version()).put("requestedVersion", order.version());
        });
    }

    /**
     * {@code restart-agent}: succeeds, and once that is stored the agent restarts: {@code restart} is the gateway's way
     * (the process exits and systemd starts it again; an embedded agent is closed and started by its owner).
     */
    public static CommandHandler restartAgent(Runnable restart) {
        return new CommandHandler() {
            @Override
            public String type() {
                return "restart-agent";
            }

            @Override
            public JsonNode run(JsonNode params) {
                return json.createObjectNode().put("restarting", true);
            }

            @Override
            public void afterStored() {
                restart.run();
            }
        };
    }

    /**
     * {@code {"version": 7, "rules": {"reefer-warm": "reefer.temp > -15 for 30s clear -16 severity CRITICAL"},
     * "sampling": {"gps": "PT5S"}}}: all valid or nothing applied; a version not newer than the applied one (an older
     * push arriving late) changes nothing.
     */
    static CommandHandler applyConfig(RuleEngine engine, AppliedConfig config, Alerts alerts) {
        return handler("apply-config", params -> {
            long version = params.path("version").asLong(-1);
            if (version < 1 || !params.path("rules").isObject()) {
                throw new IllegalArgumentException("params need a version >= 1 and a rules object");
            }
            if (version > config.version()) {
                List<Rule> rules = AppliedConfig.parse(params.get("rules"));
                JsonNode sampling = params.path("sampling").isObject() ? params.get("sampling") : json.createObjectNode();
                AppliedConfig.checkSampling(sampling);
                config.applied(version, params.get("rules"), sampling);
                engine.replace(rules, Instant.now()).forEach(alerts::raise);
            }
            return json.createObjectNode().put("appliedVersion", config.version()).put("requestedVersion", version);
        });
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
