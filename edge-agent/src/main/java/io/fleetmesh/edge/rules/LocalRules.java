package io.fleetmesh.edge.rules;

import io.fleetmesh.edge.alerts.Alerts;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens to the truck's own readings on the leaf and runs them through the rules, hub or no hub; keeps the latest
 * value of each metric for commands' preconditions.
 */
public final class LocalRules implements AutoCloseable {

    private static final Logger log = Logger.getLogger(LocalRules.class.getName());
    private final Connection local;
    private final String deviceId;
    private final RuleEngine engine;
    private final Alerts alerts;
    private final LatestReadings latest;
    private final JsonMapper json = JsonMapper.builder().build();
    private Dispatcher dispatcher;

    public LocalRules(Connection local, String deviceId, RuleEngine engine, Alerts alerts, LatestReadings latest) {
        this.local = local;
        this.latest = latest;
        this.deviceId = deviceId;
        this.engine = engine;
        this.alerts = alerts;
    }

    public void start() {
        dispatcher = local.createDispatcher(this::onReading);
        dispatcher.subscribe(Subjects.telemetryOf(deviceId));
    }

    private void onReading(Message message) {
        String prefix = Subjects.telemetryPrefix(deviceId);
        String channel = message.getSubject().substring(prefix.length());
        try {
            JsonNode reading = json.readTree(message.getData());
            Map<String, Double> numbers = numbers(reading);
            Instant ts = timestamp(reading.get("ts"));
            latest.update(channel, numbers, ts);
            if (engine.watches(channel)) {
                engine.evaluate(channel, numbers, ts).forEach(alerts::raise);
            }
        } catch (JacksonException | IllegalArgumentException e) {
            log.fine(() -> "reading on " + message.getSubject() + " not evaluated: " + e.getMessage());
        }
    }

    private static Map<String, Double> numbers(JsonNode reading) {
        Map<String, Double> numbers = new HashMap<>();
        reading.properties().forEach(p -> {
            if (p.getValue().isNumber() && !p.getKey().equals("ts")) {
                numbers.put(p.getKey(), p.getValue().doubleValue());
            }
        });
        return numbers;
    }

    private static Instant timestamp(JsonNode ts) {
        if (ts != null && ts.isIntegralNumber()) {
            return Instant.ofEpochMilli(ts.longValue());
        }
        return ts != null && ts.isString() ? OffsetDateTime.parse(ts.stringValue()).toInstant() : Instant.now();
    }

    @Override
    public void close() {
        if (dispatcher != null) {
            local.closeDispatcher(dispatcher);
        }
    }
}
