package io.fleetmesh.api.mappings;

import jakarta.validation.constraints.NotBlank;

/** The subject a dry-run maps. */
record SampleSubject(@NotBlank String subject) {
}
