package io.fleetmesh.api.drivers;

import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The driver registry: {@code /api/v1/drivers}. */
@RestController
class DriverController {

    private final Drivers drivers;
    private final CurrentTenant tenant;

    DriverController(Drivers drivers, CurrentTenant tenant) {
        this.drivers = drivers;
        this.tenant = tenant;
    }

    @PostMapping("/api/v1/drivers")
    ResponseEntity<DriverView> create(@Valid @RequestBody NewDriver body) {
        DriverView created = drivers.create(tenant.id(), body);
        return ResponseEntity.created(URI.create("/api/v1/drivers/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/drivers")
    List<DriverView> list() {
        return drivers.list(tenant.id());
    }

    @GetMapping("/api/v1/drivers/{id}")
    DriverView get(@PathVariable UUID id) {
        return drivers.get(tenant.id(), id);
    }

    @PutMapping("/api/v1/drivers/{id}")
    DriverView update(@PathVariable UUID id, @Valid @RequestBody NewDriver body) {
        return drivers.update(tenant.id(), id, body);
    }

    @DeleteMapping("/api/v1/drivers/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        drivers.delete(tenant.id(), id);
        return ResponseEntity.noContent().build();
    }
}
