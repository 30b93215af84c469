package io.fleetmesh.api.rules;

import io.fleetmesh.api.commands.SystemCommands;
import io.fleetmesh.api.devices.DeviceDirectory;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pushes the tenant's rules to each of its trucks as an {@code apply-config} command (ADR 0006 delivery: a truck
 * that is away gets it when it returns; one that applied a newer version ignores an older push), each with the
 * rules that apply to its tags.
 */
@Component
class RuleRollout {

    private static final Logger log = LoggerFactory.getLogger(RuleRollout.class);
    private static final Duration TTL = Duration.ofDays(7);

    private final DeviceDirectory directory;
    private final SystemCommands commands;
    private final ExecutorService pushing = Executors.newSingleThreadExecutor(task -> new Thread(task, "rule-rollout"));

    RuleRollout(DeviceDirectory directory, SystemCommands commands) {
        this.directory = directory;
        this.commands = commands;
    }

    /** In the background: a fleet of thousands takes a while; {@code GET /api/v1/rules/rollout} shows the progress. */
    void push(UUID tenant, RuleSet rules, String by) {
        pushing.execute(() -> directory.tagsOf(tenant).forEach((device, tags) -> pushTo(tenant, device, tags, rules, by)));
    }

    /** One truck's failure (a deleted device, PostgreSQL away) does not stop the push to the others. */
    private void pushTo(UUID tenant, String device, List<String> tags, RuleSet rules, String by) {
        try {
            commands.send(tenant, device, "apply-config", Map.of("version", rules.version(),
                    "rules", forDevice(rules.rules(), tags), "sampling", rules.sampling()), TTL, by);
        } catch (RuntimeException e) {
            log.warn("configuration {} not queued for {}: {}", rules.version(), device, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        pushing.shutdown();
    }

    private static Map<String, String> forDevice(List<AlertRule> rules, List<String> tags) {
        Map<String, String> applying = new LinkedHashMap<>();
        rules.stream().filter(rule -> rule.where() == AlertRule.RunsOn.EDGE && rule.appliesTo(tags)).forEach(rule -> applying.put(rule.key(), rule.expression()));
        return applying;
    }
}
