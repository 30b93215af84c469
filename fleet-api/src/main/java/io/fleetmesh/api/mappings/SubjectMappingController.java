package io.fleetmesh.api.mappings;

import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's subject mappings (ADR 0014): the current version, a new one (ADMIN), its history, a rollback to an
 * older one (ADMIN) and a dry-run of a sample subject.
 */
@RestController
class SubjectMappingController {

    private final SubjectMappings mappings;
    private final CurrentTenant tenant;

    SubjectMappingController(SubjectMappings mappings, CurrentTenant tenant) {
        this.mappings = mappings;
        this.tenant = tenant;
    }

    @GetMapping("/api/v1/subject-mappings")
    MappingSet current() {
        return mappings.current(tenant.id());
    }

    @PutMapping("/api/v1/subject-mappings")
    MappingChange replace(@Valid @RequestBody NewMappings body) {
        return mappings.replace(tenant.caller(), body.rules(), body.note(), body.version());
    }

    @GetMapping("/api/v1/subject-mappings/versions")
    List<MappingSet> history() {
        return mappings.history(tenant.id());
    }

    @PostMapping("/api/v1/subject-mappings/versions/{version}/restore")
    MappingChange restore(@PathVariable String version) {
        return mappings.restore(tenant.caller(), version);
    }

    /** Which version each truck's leaf applies (its heartbeat's), against the current one. */
    @GetMapping("/api/v1/subject-mappings/rollout")
    MappingRolloutView rollout() {
        return mappings.rollout(tenant.id());
    }

    @PostMapping("/api/v1/subject-mappings/dry-run")
    MappingDryRun dryRun(@Valid @RequestBody SampleSubject sample) {
        return mappings.dryRun(tenant.id(), sample.subject());
    }
}
