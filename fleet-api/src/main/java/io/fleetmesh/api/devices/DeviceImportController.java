package io.fleetmesh.api.devices;

import io.fleetmesh.api.identity.CurrentTenant;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bulk registration: {@code POST /api/v1/device-imports} with a CSV body ({@code text/csv}: id,name,kind[,tags]) answers
 * 202 with the import, which runs in the background; {@code GET} shows its progress and, row by row, the outcome.
 */
@RestController
class DeviceImportController {

    private final DeviceImports imports;
    private final DeviceImportQueries queries;
    private final CurrentTenant tenant;

    DeviceImportController(DeviceImports imports, DeviceImportQueries queries, CurrentTenant tenant) {
        this.imports = imports;
        this.queries = queries;
        this.tenant = tenant;
    }

    @PostMapping(path = "/api/v1/device-imports", consumes = "text/csv")
    ResponseEntity<DeviceImportView> start(@RequestBody String csv) {
        UUID id = started(csv);
        return ResponseEntity.accepted().location(URI.create("/api/v1/device-imports/" + id)).body(get(id));
    }

    @GetMapping("/api/v1/device-imports/{id}")
    DeviceImportView get(@PathVariable UUID id) {
        return queries.find(tenant.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no device import with this id."));
    }

    /** 400 (problem details) when the CSV cannot be read at all. */
    UUID started(String csv) {
        try {
            return imports.start(tenant.caller(), csv);
        } catch (IllegalArgumentException unreadable) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, unreadable.getMessage());
        }
    }
}
