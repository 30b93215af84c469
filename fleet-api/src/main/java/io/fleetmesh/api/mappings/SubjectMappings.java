package io.fleetmesh.api.mappings;

import io.fleetmesh.protocol.SubjectPatterns;
import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.mesh.TenantAccounts;
import io.fleetmesh.api.refusals.Conflict;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.telemetry.FleetQueries;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A tenant's subject mappings (ADR 0014): checked, stored as a new version, then signed into the tenant's account
 * JWT and pushed to the hub's resolver like a revocation (no restart; re-pushed at every mesh scan until the hub
 * takes it), and to the trucks' leaves ({@link MappingRollout}). Without operator mode the hub has no account to
 * carry them: there they apply on the trucks only.
 */
@Component
public class SubjectMappings {

    private static final Logger log = LoggerFactory.getLogger(SubjectMappings.class);

    private final MappingVersions versions;
    private final DeviceDirectory devices;
    private final TenantAccounts accounts;
    private final ApplicationEventPublisher events;
    private final FleetQueries fleet;
    private final Clock clock;

    SubjectMappings(MappingVersions versions, DeviceDirectory devices, TenantAccounts accounts,
                    ApplicationEventPublisher events, FleetQueries fleet, Clock clock) {
        this.fleet = fleet;
        this.versions = versions;
        this.devices = devices;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    MappingSet current(UUID tenant) {
        return versions.latest(tenant).orElse(MappingSet.none());
    }

    /** Which version each truck's leaf applies, from the heartbeats. */
    MappingRolloutView rollout(UUID tenant) {
        int version = current(tenant).version();
        return new MappingRolloutView(version, fleet.appliedMappings(tenant).stream()
                .map(applied -> new MappingRolloutView.DeviceMappings(applied.deviceId(), applied.version(),
                        applied.version() != null && applied.version() >= version)).toList());
    }

    List<MappingSet> history(UUID tenant) {
        return versions.history(tenant, 100);
    }

    /** A new version with these rules; {@code expected}: the version the caller changed (a stale one is a 409). */
    MappingChange replace(Caller caller, List<MappingRule> rules, String note, Integer expected) {
        MappingCheck.check(rules, knownDevices(caller.tenantId()));
        return store(caller, rules, note, null, expected);
    }

    /** A rollback: a new version with the rules of an older one. */
    MappingChange restore(Caller caller, String version) {
        MappingSet old = number(version).flatMap(v -> versions.find(caller.tenantId(), v))
                .orElseThrow(() -> new NotFound("There is no version with this id."));
        return store(caller, old.rules(), "restored version " + old.version(), old.version(), null);
    }

    /** A version is a number; anything else names none. */
    private static Optional<Integer> number(String version) {
        try {
            return Optional.of(Integer.parseInt(version));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What the current mappings make of a subject published in the tenant's account. */
    MappingDryRun dryRun(UUID tenant, String subject) {
        if (!SubjectPatterns.wellFormed(subject) || subject.contains("*") || subject.contains(">")) {
            throw new InvalidInput("Invalid subject", "A sample subject is a literal subject, without wildcards.",
                    Map.of("field", "subject"));
        }
        List<MappingRule> rules = current(tenant).rules();
        for (int i = 0; i < rules.size(); i++) {
            List<MappingDryRun.Outcome> outcomes = outcomes(rules.get(i), subject);
            if (!outcomes.isEmpty()) {
                return new MappingDryRun(subject, i, outcomes);
            }
        }
        return new MappingDryRun(subject, null, List.of(new MappingDryRun.Outcome(subject, 100)));
    }

    /** The version number is the guard: two changes from the same version, one is refused (primary key). */
    private MappingChange store(Caller caller, List<MappingRule> rules, String note, Integer restoredFrom, Integer expected) {
        int now = current(caller.tenantId()).version();
        if (expected != null && expected != now) {
            throw new Conflict("Mappings changed", "Version %d is the current one now, not %d: read it and change that."
                    .formatted(now, expected), Map.of("version", now));
        }
        MappingSet set = new MappingSet(now + 1, List.copyOf(rules), note, restoredFrom, caller.name(), clock.instant());
        if (!versions.append(caller.tenantId(), set)) {
            throw new Conflict("Mappings changed", "Another change took version %d first.".formatted(now + 1), Map.of());
        }
        events.publishEvent(new MappingEvents.MappingsChanged(caller.tenantId(), set.version(), rules.size(), restoredFrom,
                caller.name()));
        log.info("subject mappings changed: tenant={} version={} rules={} by={}", caller.tenantId(), set.version(),
                rules.size(), caller.name());
        return new MappingChange(set, applied(caller.tenantId()));
    }

    private boolean applied(UUID tenant) {
        return accounts.enabled(tenant) && accounts.push(tenant);
    }

    private static List<MappingDryRun.Outcome> outcomes(MappingRule rule, String subject) {
        List<MappingDryRun.Outcome> outcomes = new ArrayList<>();
        int total = 0;
        for (MappingRule.Destination destination : rule.destinations()) {
            new SubjectTransform(rule.source(), destination.subject()).apply(subject)
                    .ifPresent(mapped -> outcomes.add(new MappingDryRun.Outcome(mapped, destination.percent())));
            total += destination.percent();
        }
        if (!outcomes.isEmpty() && total < 100) {
            outcomes.add(new MappingDryRun.Outcome(subject, 100 - total));
        }
        return outcomes;
    }

    /** Whether a device a destination names is the tenant's: asked only for those named (a few at most). */
    private Predicate<String> knownDevices(UUID tenant) {
        return device -> devices.registered(tenant, List.of(device)).contains(device);
    }
}
