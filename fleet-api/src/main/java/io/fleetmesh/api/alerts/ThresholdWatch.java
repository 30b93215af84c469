package io.fleetmesh.api.alerts;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.rules.AlertRule;
import io.fleetmesh.api.rules.RuleBook;
import io.fleetmesh.api.telemetry.ReadingsStored;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's CLOUD threshold rules on stored readings, for devices without edge rules: a crossing raises the
 * rule's alert (once: the open alert is the state), a value back past the clear value resolves it. A crossing in a
 * backfilled reading raises a backfilled alert. Rules and device tags are cached for a few seconds.
 */
@Component
class ThresholdWatch {

    private static final Duration CACHE = Duration.ofSeconds(5);
    private static final JsonMapper json = JsonMapper.builder().build();

    /** A cloud rule with its threshold parsed once, when the rules are loaded. */
    private record Watch(AlertRule rule, Threshold threshold) {
    }

    private record Watched(List<Watch> rules, Map<String, List<String>> tags, long loadedAt) {
    }

    private final RuleBook rules;
    private final DeviceDirectory directory;
    private final AlertBook book;
    private final AlertRepository alerts;
    private final AlertProperties properties;
    private final Clock clock;
    private final Map<UUID, Watched> cache = new ConcurrentHashMap<>();

    ThresholdWatch(RuleBook rules, DeviceDirectory directory, AlertBook book, AlertRepository alerts,
                   AlertProperties properties, Clock clock) {
        this.rules = rules;
        this.directory = directory;
        this.book = book;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(ReadingsStored stored) {
        Watched watched = watched(stored.tenantId());
        if (watched.rules().isEmpty()) {
            return;
        }
        for (ReadingsStored.Stored reading : stored.readings()) {
            JsonNode metrics = null;
            for (Watch watch : watched.rules()) {
                if (watch.threshold().channel().equals(reading.channel())
                        && watch.rule().appliesTo(watched.tags().getOrDefault(reading.deviceId(), List.of()))) {
                    metrics = metrics == null ? json.readTree(reading.metricsJson()) : metrics;
                    check(stored.tenantId(), watch, metrics.get(watch.threshold().metric()), reading);
                }
            }
        }
    }

    private void check(UUID tenant, Watch watch, JsonNode value, ReadingsStored.Stored reading) {
        String rule = watch.rule().key();
        Threshold threshold = watch.threshold();
        if (value == null || !value.isNumber()) {
            return;
        }
        boolean open = alerts.findOpen(tenant, reading.deviceId(), rule).isPresent();
        if (!open && threshold.crossed(value.doubleValue())) {
            boolean backfilled = properties.backfilled(reading.ts(), clock.instant());
            book.raise(new AlertRaise(tenant, reading.deviceId(), rule, AlertSource.CLOUD, threshold.severity(),
                    threshold.channel() + "." + threshold.metric() + " " + value.doubleValue() + " crossed "
                            + threshold.threshold(), threshold.channel() + "." + threshold.metric(), value.doubleValue(),
                    threshold.threshold(), reading.ts(), null, backfilled));
        } else if (open && threshold.over(value.doubleValue())) {
            book.clear(tenant, reading.deviceId(), rule, "cloud", "back to " + value.doubleValue(), reading.ts());
        }
    }

    private Watched watched(UUID tenant) {
        Watched cached = cache.get(tenant);
        if (cached == null || System.currentTimeMillis() - cached.loadedAt() > CACHE.toMillis()) {
            List<Watch> cloud = rules.cloudRules(tenant).stream()
                    .map(rule -> new Watch(rule, Threshold.parse(rule.expression()))).toList();
            cached = new Watched(cloud, cloud.isEmpty() ? Map.of() : directory.tagsOf(tenant), System.currentTimeMillis());
            cache.put(tenant, cached);
        }
        return cached;
    }
}
