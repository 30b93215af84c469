package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.packages.PackageView;
import io.fleetmesh.api.packages.Packages;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's rollouts: started against a stored package and the tenant's trucks, paused, resumed, cancelled. */
@Component
public class Rollouts {

    private final RolloutLog log;
    private final Packages packages;
    private final DeviceDirectory devices;
    private final RolloutDelivery delivery;
    private final Clock clock;

    Rollouts(RolloutLog log, Packages packages, DeviceDirectory devices, RolloutDelivery delivery, Clock clock) {
        this.log = log;
        this.packages = packages;
        this.devices = devices;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Transactional
    RolloutView create(Caller caller, NewRollout body) {
        RolloutPlan plan = body.plan();
        PackageView target = packages.find(caller.tenantId(), body.packageName(), body.packageVersion());
        List<String> trucks = trucks(caller.tenantId(), body, target);
        Rollout rollout = new Rollout(UUID.randomUUID(), caller.tenantId(), body.name().strip(), target.name(),
                target.version(), target.kind(), plan, RolloutStatus.RUNNING, caller.name(), clock.instant(), null);
        log.insert(rollout, plan.waves(trucks));
        return view(rollout);
    }

    RolloutView find(UUID tenant, UUID id) {
        return view(require(tenant, id));
    }

    List<RolloutView> list(UUID tenant) {
        return log.list(tenant, 100).stream().map(this::view).toList();
    }

    List<TargetView> targets(UUID tenant, UUID id) {
        return log.targetViews(require(tenant, id).id());
    }

    @Transactional
    RolloutView pause(UUID tenant, UUID id) {
        return saved(held(tenant, id).paused());
    }

    @Transactional
    RolloutView resume(UUID tenant, UUID id) {
        return saved(held(tenant, id).resumed());
    }

    /** Trucks it has not reached, or that have not begun, are skipped; those under way finish what they began. */
    @Transactional
    RolloutView cancel(UUID tenant, UUID id) {
        Rollout cancelled = held(tenant, id).cancelled(clock.instant());
        log.targets(id).stream().filter(target -> target.state() == TargetState.PENDING)
                .forEach(target -> delivery.withdraw(cancelled, target.deviceId()));
        log.moveAll(id, TargetState.WAITING, TargetState.SKIPPED, clock.instant());
        log.moveAll(id, TargetState.PENDING, TargetState.SKIPPED, clock.instant());
        return saved(cancelled);
    }

    /**
     * A truck's report of its progress; whether it moved the truck on (a repeated or late one does not: reports only
     * go forwards, {@link TargetState#canBecome}).
     */
    @Transactional
    boolean report(UUID tenant, UUID id, String device, TargetState state, Long bytes, String reason) {
        Rollout rollout = log.find(tenant, id).orElse(null);
        boolean moves = rollout != null && log.stateOf(id, device).map(now -> now.canBecome(state)).orElse(false);
        if (moves) {
            log.report(id, device, state, bytes, reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500),
                    clock.instant());
        }
        if (moves && state.finished()) {
            delivery.withdraw(rollout, device); // the truck is done with it: its consumer goes (again, if redelivered)
        }
        if (moves && state == TargetState.SUCCEEDED && rollout.status() == RolloutStatus.ABORTED) {
            log.move(id, List.of(device), TargetState.SUCCEEDED, TargetState.ROLLING_BACK, clock.instant());
            delivery.rollBack(rollout, device); // it finished after the abort: it goes back as the others did
        }
        return moves;
    }

    /** Whether the truck is one of the rollout's (a report about another is the truck's error). */
    boolean includes(UUID tenant, UUID id, String device) {
        return log.find(tenant, id).isPresent() && log.targets(id).stream().anyMatch(t -> t.deviceId().equals(device));
    }

    private RolloutView saved(Rollout rollout) {
        log.status(rollout);
        return view(rollout);
    }

    /** The rollout, locked until the operator's change commits: the scheduler's step waits, or went first. */
    private Rollout held(UUID tenant, UUID id) {
        return log.findForUpdate(tenant, id).orElseThrow(() -> new NotFound("There is no rollout with this id."));
    }

    private Rollout require(UUID tenant, UUID id) {
        return log.find(tenant, id).orElseThrow(() -> new NotFound("There is no rollout with this id."));
    }

    private List<String> trucks(UUID tenant, NewRollout body, PackageView target) {
        if ((body.devices() == null) == (body.tag() == null)) {
            throw new InvalidInput("Which trucks?", "A rollout names its devices or a tag, one of them.", Map.of());
        }
        List<String> trucks = body.devices() != null ? body.devices().stream().distinct().toList()
                : devices.withTag(tenant, body.tag());
        Set<String> registered = devices.registered(tenant, trucks);
        List<String> unknown = trucks.stream().filter(truck -> !registered.contains(truck)).limit(10).toList();
        if (trucks.isEmpty() || !unknown.isEmpty()) {
            throw new InvalidInput("Unknown trucks", trucks.isEmpty() ? "No device has this tag."
                    : "Every device must be one of this tenant's.", Map.of("unknown", unknown));
        }
        requireTargets(tenant, trucks, target);
        return trucks;
    }

    /** A package made for a tag goes only to trucks that have it. */
    private void requireTargets(UUID tenant, List<String> trucks, PackageView target) {
        if (target.target() == null || !target.target().startsWith("tag:")) {
            return;
        }
        String tag = target.target().substring(4);
        Map<String, List<String>> tags = devices.tagsOf(tenant);
        List<String> others = trucks.stream().filter(truck -> !tags.getOrDefault(truck, List.of()).contains(tag))
                .limit(10).toList();
        if (!others.isEmpty()) {
            throw new InvalidInput("Not a target", "This package is for devices tagged " + tag + ".",
                    Map.of("notTargets", others));
        }
    }

    private RolloutView view(Rollout rollout) {
        return RolloutViews.of(rollout, log.targets(rollout.id()));
    }
}
