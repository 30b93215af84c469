package io.fleetmesh.api.alerts;

import jakarta.validation.constraints.Size;

/** Why an operator acknowledged or resolved an alert. */
record AlertComment(@Size(max = 1000) String comment) {
}
