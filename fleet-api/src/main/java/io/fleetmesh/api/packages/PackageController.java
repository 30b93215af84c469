package io.fleetmesh.api.packages;

import io.fleetmesh.api.identity.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Packages for the trucks: {@code PUT /api/v1/packages/{name}/{version}?kind=agent|firmware|file} with the bytes as
 * {@code application/octet-stream} (streamed, e.g. {@code curl -T firmware.bin}), and optional {@code target},
 * {@code signature} and {@code description}; ADMIN only.
 */
@RestController
class PackageController {

    private final Packages packages;
    private final CurrentTenant tenant;

    PackageController(Packages packages, CurrentTenant tenant) {
        this.packages = packages;
        this.tenant = tenant;
    }

    @PutMapping(path = "/api/v1/packages/{name}/{version}", consumes = "application/octet-stream")
    @Operation(requestBody = @RequestBody(required = true, description = "the package's bytes",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<PackageView> upload(@PathVariable String name, @PathVariable String version, @RequestParam String kind,
                                       @RequestParam(required = false) String target,
                                       @RequestParam(required = false) String signature,
                                       @RequestParam(required = false) String description, InputStream body) {
        PackageView stored = packages.upload(tenant.caller(), NewPackage.of(name, version, kind, target, signature,
                description), body);
        return ResponseEntity.created(URI.create("/api/v1/packages/%s/%s".formatted(name, version))).body(stored);
    }

    @GetMapping("/api/v1/packages")
    List<PackageView> list() {
        return packages.list(tenant.id());
    }

    @GetMapping("/api/v1/packages/{name}/{version}")
    PackageView find(@PathVariable String name, @PathVariable String version) {
        return packages.find(tenant.id(), name, version);
    }

    @DeleteMapping("/api/v1/packages/{name}/{version}")
    ResponseEntity<Void> delete(@PathVariable String name, @PathVariable String version) {
        packages.delete(tenant.caller(), name, version);
        return ResponseEntity.noContent().build();
    }
}
