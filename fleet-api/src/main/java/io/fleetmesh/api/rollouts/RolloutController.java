package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rollouts of a package to trucks in waves (ADMIN starts and steers them): the rollout with its trucks counted by
 * state and wave, each truck's state, pause, resume and cancel.
 */
@RestController
class RolloutController {

    private final Rollouts rollouts;
    private final CurrentTenant tenant;

    RolloutController(Rollouts rollouts, CurrentTenant tenant) {
        this.rollouts = rollouts;
        this.tenant = tenant;
    }

    @PostMapping("/api/v1/rollouts")
    ResponseEntity<RolloutView> create(@Valid @RequestBody NewRollout body) {
        RolloutView created = rollouts.create(tenant.caller(), body);
        return ResponseEntity.created(URI.create("/api/v1/rollouts/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/rollouts")
    List<RolloutView> list() {
        return rollouts.list(tenant.id());
    }

    @GetMapping("/api/v1/rollouts/{id}")
    RolloutView find(@PathVariable UUID id) {
        return rollouts.find(tenant.id(), id);
    }

    @GetMapping("/api/v1/rollouts/{id}/targets")
    List<TargetView> targets(@PathVariable UUID id) {
        return rollouts.targets(tenant.id(), id);
    }

    @PostMapping("/api/v1/rollouts/{id}/pause")
    RolloutView pause(@PathVariable UUID id) {
        return rollouts.pause(tenant.id(), id);
    }

    @PostMapping("/api/v1/rollouts/{id}/resume")
    RolloutView resume(@PathVariable UUID id) {
        return rollouts.resume(tenant.id(), id);
    }

    @PostMapping("/api/v1/rollouts/{id}/cancel")
    RolloutView cancel(@PathVariable UUID id) {
        return rollouts.cancel(tenant.id(), id);
    }
}
